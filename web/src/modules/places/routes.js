export const placesRoutes = [
  { path: '/places', name: 'places', component: () => import('./views/places-view.vue'), meta: { menu: 'nav.places', permission: 'places.read' } },
];
