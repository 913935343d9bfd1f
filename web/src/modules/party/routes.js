export const partyRoutes = [
  { path: '/party', name: 'party', component: () => import('./views/party-view.vue'), meta: { menu: 'nav.party', permission: 'party.read' } },
];
