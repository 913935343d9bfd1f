export const shuttleRoutes = [
  { path: '/shuttle', name: 'shuttle', component: () => import('./views/shuttle-view.vue'), meta: { menu: 'nav.shuttle', permission: 'shuttle.read' } },
];

// Documents printed on A4, outside the workbench layout.
export const shuttlePrintRoutes = [
  { path: '/print/shuttle-manifests/:id', name: 'shuttle-manifest', component: () => import('./views/manifest-print.vue'), meta: { permission: 'shuttle.read' } },
];
