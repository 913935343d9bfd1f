export const jobsRoutes = [
  { path: '/jobs', name: 'jobs', component: () => import('./views/jobs-view.vue'), meta: { menu: 'nav.jobs', permission: 'jobs.read' } },
  // Records behind the platform's figures link here: the seekers tab with that seeker open.
  { path: '/jobs/seekers/:id', name: 'jobs-seeker', component: () => import('./views/jobs-view.vue'), meta: { permission: 'jobs.read' } },
];

