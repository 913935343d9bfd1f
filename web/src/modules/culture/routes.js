export const cultureRoutes = [
  { path: '/culture', name: 'culture', component: () => import('./views/culture-view.vue'), meta: { menu: 'nav.culture', permission: 'culture.read' } },
  // Records behind the culture figures link here, each opening its tab.
  { path: '/culture/venues/:id', name: 'culture-venue', component: () => import('./views/culture-view.vue'), meta: { permission: 'culture.read', tab: 'venues' } },
  { path: '/culture/events/:id', name: 'culture-event', component: () => import('./views/culture-view.vue'), meta: { permission: 'culture.read', tab: 'series' } },
];

// The museum's public catalogue: no login.
export const culturePublicRoutes = [
  { path: '/museum/:community', name: 'museum', component: () => import('./views/museum-view.vue'), meta: { public: true } },
];

// The front desk's sheet of one day at a venue, on A4.
export const culturePrintRoutes = [
  { path: '/print/culture-day', name: 'culture-day', component: () => import('./views/day-sheet.vue'), meta: { permission: 'culture.read' } },
];
