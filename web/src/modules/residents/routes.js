export const residentsRoutes = [
  { path: '/residents', name: 'residents', component: () => import('./views/residents-view.vue'), meta: { menu: 'nav.residents', permission: 'residents.read' } },
  { path: '/residents/:id(\\d+)', name: 'resident', component: () => import('./views/residents-view.vue'), meta: { permission: 'residents.read' } },
];
