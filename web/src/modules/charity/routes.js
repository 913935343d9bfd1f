export const charityRoutes = [
  { path: '/charity', name: 'charity', component: () => import('./views/charity-view.vue'), meta: { menu: 'nav.charity', permission: 'charity.read' } },
];

// The public disclosure: no login.
export const charityPublicRoutes = [
  { path: '/disclosure/:community', name: 'disclosure', component: () => import('./views/disclosure-view.vue'), meta: { public: true } },
];
