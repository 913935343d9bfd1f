export const linkageRoutes = [
  { path: '/linkage', name: 'linkage', component: () => import('./views/linkage-view.vue'), meta: { menu: 'nav.linkage', permission: 'linkage.read' } },
  // Records behind the platform's figures link here, with that project or partner open.
  { path: '/linkage/projects/:id', name: 'linkage-project', component: () => import('./views/linkage-view.vue'), meta: { permission: 'linkage.read', tab: 'projects' } },
  { path: '/linkage/partners/:id', name: 'linkage-partner', component: () => import('./views/linkage-view.vue'), meta: { permission: 'linkage.read', tab: 'partners' } },
];
