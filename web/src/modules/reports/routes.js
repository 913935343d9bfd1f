export const reportsRoutes = [
  { path: '/dashboard', name: 'dashboard', component: () => import('./views/dashboard-view.vue'), meta: { menu: 'nav.dashboard', permission: 'reports.read' } },
];
