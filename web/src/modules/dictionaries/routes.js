export const dictionariesRoutes = [
  { path: '/dictionaries', name: 'dictionaries', component: () => import('./views/dictionaries-view.vue'), meta: { menu: 'nav.dictionaries', permission: 'dictionaries.write' } },
];
