export const casesRoutes = [
  { path: '/cases', name: 'cases', component: () => import('./views/cases-view.vue'), meta: { menu: 'nav.cases', permission: 'cases.count' } },
];

// Documents printed on A4, outside the workbench layout.
export const casesPrintRoutes = [
  { path: '/print/case-agreements/:id', name: 'case-agreement', component: () => import('./views/agreement-print.vue'), meta: { permission: 'cases.handle' } },
];
