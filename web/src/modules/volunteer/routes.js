export const volunteerRoutes = [
  { path: '/volunteer', name: 'volunteer', component: () => import('./views/volunteer-view.vue'), meta: { menu: 'nav.volunteer', permission: 'volunteer.read' } },
];

// Pages printed on A4, outside the workbench layout.
export const volunteerPrintRoutes = [
  { path: '/print/volunteer-certificates/:id', name: 'volunteer-certificate', component: () => import('./views/certificate-print.vue'), meta: { permission: 'volunteer.read' } },
];
