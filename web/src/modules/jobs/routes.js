export const jobsRoutes = [
  { path: '/jobs', name: 'jobs', component: () => import('./views/jobs-view.vue'), meta: { menu: 'nav.jobs', permission: 'jobs.read' } },
  // Records behind the platform's figures link here: the seekers tab with that seeker open.
  { path: '/jobs/seekers/:id', name: 'jobs-seeker', component: () => import('./views/jobs-view.vue'), meta: { permission: 'jobs.read' } },
];

// The referral sheet of one posting for its employer, on A4.
export const jobsPrintRoutes = [
  { path: '/print/jobs-referrals', name: 'jobs-referrals', component: () => import('./views/referral-sheet.vue'), meta: { permission: 'jobs.write' } },
];
