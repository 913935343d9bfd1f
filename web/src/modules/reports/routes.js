export const reportsRoutes = [
  { path: '/dashboard', name: 'dashboard', component: () => import('./views/dashboard-view.vue'), meta: { menu: 'nav.dashboard', permission: 'reports.read' } },
  { path: '/reports/work-report', name: 'work-report', component: () => import('./views/work-report-view.vue'), meta: { menu: 'nav.workReport', permission: 'reports.read' } },
];

// Pages printed on A4, outside the workbench frame.
export const reportsPrintRoutes = [
  { path: '/print/work-report', name: 'work-report-print', component: () => import('./views/work-report-print.vue'), meta: { permission: 'reports.read' } },
];
