export const organizationsRoutes = [
  { path: '/organizations', name: 'organizations', component: () => import('./views/organizations-view.vue'), meta: { menu: 'nav.organizations', permission: 'organizations.read' } },
  { path: '/organizations/:id(\\d+)', name: 'organization', component: () => import('./views/organizations-view.vue'), meta: { permission: 'organizations.read' } },
];
