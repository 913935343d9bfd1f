export const charityRoutes = [
  { path: '/charity', name: 'charity', component: () => import('./views/charity-view.vue'), meta: { menu: 'nav.charity', permission: 'charity.read' } },
];

// The public disclosure: no login.
export const charityPublicRoutes = [
  { path: '/disclosure/:community', name: 'disclosure', component: () => import('./views/disclosure-view.vue'), meta: { public: true } },
];

// Documents printed on A4, outside the workbench layout.
export const charityPrintRoutes = [
  { path: '/print/donation-receipts/:id', name: 'donation-receipt', component: () => import('./views/receipt-print.vue'), meta: { permission: 'charity.read' } },
];
