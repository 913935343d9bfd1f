export const accountsRoutes = [
  { path: '/users', name: 'users', component: () => import('./views/users-view.vue'), meta: { menu: 'nav.users', permission: 'users.manage' } },
  { path: '/audit', name: 'audit', component: () => import('./views/audit-view.vue'), meta: { menu: 'nav.audit', permission: 'audit.read' } },
  { path: '/account', name: 'account', component: () => import('./views/account-view.vue'), meta: { menu: 'nav.account' } },
];
