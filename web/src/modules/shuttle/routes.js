export const shuttleRoutes = [
  { path: '/shuttle', name: 'shuttle', component: () => import('./views/shuttle-view.vue'), meta: { menu: 'nav.shuttle', permission: 'shuttle.read' } },
];
