export const casesRoutes = [
  { path: '/cases', name: 'cases', component: () => import('./views/cases-view.vue'), meta: { menu: 'nav.cases', permission: 'cases.count' } },
];
