export const committeeRoutes = [
  { path: '/committee', name: 'committee', component: () => import('./views/committee-view.vue'), meta: { menu: 'nav.committee', permission: 'committee.write' } },
  // Records behind selfhelp.activities link here: the activities tab with that activity open.
  { path: '/committee/activities/:id', name: 'committee-activity', component: () => import('./views/committee-view.vue'), meta: { permission: 'committee.write' } },
];
