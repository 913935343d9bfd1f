export const servicesRoutes = [
  { path: '/services', name: 'services', component: () => import('./views/services-view.vue'), meta: { menu: 'nav.services', permission: 'services.read' } },
];
