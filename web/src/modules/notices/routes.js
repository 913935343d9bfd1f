export const noticesRoutes = [
  { path: '/notices', name: 'notices', component: () => import('./views/notices-view.vue'), meta: { menu: 'nav.notices', permission: 'notices.write' } },
];
