// Resident pages (/m/): phone-sized, Vant. Residents and group leaders sign up, check in by
// scanning the activity's code, and see their hours and points.
export const mobileRoutes = [
  { path: '/m/login', name: 'm-login', component: () => import('./m-login.vue'), meta: { public: true } },
  {
    path: '/m',
    component: () => import('./mobile-layout.vue'),
    meta: { permission: 'volunteer.self' },
    children: [
      { path: '', name: 'm-activities', component: () => import('./m-activities.vue'), meta: { permission: 'volunteer.self', title: 'm.activities' } },
      { path: 'hours', name: 'm-hours', component: () => import('./m-hours.vue'), meta: { permission: 'volunteer.self', title: 'm.hours' } },
      { path: 'shuttle', name: 'm-shuttle', component: () => import('./m-shuttle.vue'), meta: { permission: 'volunteer.self', title: 'm.shuttle' } },
      { path: 'aid', name: 'm-aid', component: () => import('./m-aid.vue'), meta: { permission: 'volunteer.self', title: 'm.aid' } },
      { path: 'points', name: 'm-points', component: () => import('./m-points.vue'), meta: { permission: 'volunteer.self', title: 'm.points' } },
      { path: 'notices', name: 'm-notices', component: () => import('./m-notices.vue'), meta: { permission: 'volunteer.self', title: 'm.notices' } },
      { path: 'shuttle/board', name: 'm-board', component: () => import('./m-board.vue'), meta: { permission: 'volunteer.self', title: 'shuttle.boardingList' } },
      { path: 'volunteer/checkin', name: 'm-checkin', component: () => import('./m-checkin.vue'), meta: { permission: 'volunteer.self', title: 'm.scanned' } },
    ],
  },
];
