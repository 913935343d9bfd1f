// Resident pages (/m/): phone-sized, Vant. Each page lives in its module (modules/<m>/mobile/);
// the login and the layout with its tab bar are shared here. Residents and group leaders sign up,
// check in by scanning the activity's code, book the shuttle, and see their hours and points.
export const mobileRoutes = [
  { path: '/m/login', name: 'm-login', component: () => import('./m-login.vue'), meta: { public: true } },
  {
    path: '/m',
    component: () => import('./mobile-layout.vue'),
    meta: { permission: 'volunteer.self' },
    children: [
      { path: '', name: 'm-activities', component: () => import('../modules/volunteer/mobile/m-activities.vue'), meta: { permission: 'volunteer.self', title: 'm.activities' } },
      { path: 'activities/:id', name: 'm-activity', component: () => import('../modules/volunteer/mobile/m-activity.vue'), meta: { permission: 'volunteer.self', title: 'm.activities' } },
      { path: 'hours', name: 'm-hours', component: () => import('../modules/volunteer/mobile/m-hours.vue'), meta: { permission: 'volunteer.self', title: 'm.hours' } },
      { path: 'shuttle', name: 'm-shuttle', component: () => import('../modules/shuttle/mobile/m-shuttle.vue'), meta: { permission: 'volunteer.self', title: 'm.shuttle' } },
      { path: 'aid', name: 'm-aid', component: () => import('../modules/services/mobile/m-aid.vue'), meta: { permission: 'volunteer.self', title: 'm.aid' } },
      { path: 'points', name: 'm-points', component: () => import('../modules/volunteer/mobile/m-points.vue'), meta: { permission: 'volunteer.self', title: 'm.points' } },
      { path: 'me', name: 'm-me', component: () => import('../modules/residents/mobile/m-me.vue'), meta: { permission: 'volunteer.self', title: 'm.home' } },
      { path: 'rooms', name: 'm-rooms', component: () => import('../modules/culture/mobile/m-rooms.vue'), meta: { permission: 'culture.book', title: 'culture.book' } },
      { path: 'jobs', name: 'm-jobs', component: () => import('../modules/jobs/mobile/m-jobs.vue'), meta: { permission: 'jobs.register', title: 'm.jobs' } },
      { path: 'selfhelp', name: 'm-selfhelp', component: () => import('../modules/committee/mobile/m-selfhelp.vue'), meta: { permission: 'selfhelp.propose', title: 'm.selfhelp' } },
      { path: 'officer', name: 'm-officer', component: () => import('../modules/committee/mobile/m-officer.vue'), meta: { permission: 'committee.log', title: 'm.officer' } },
      { path: 'notices', name: 'm-notices', component: () => import('../modules/notices/mobile/m-notices.vue'), meta: { permission: 'volunteer.self', title: 'm.notices' } },
      { path: 'shuttle/board', name: 'm-board', component: () => import('../modules/shuttle/mobile/m-board.vue'), meta: { permission: 'volunteer.self', title: 'shuttle.boardingList' } },
      { path: 'volunteer/checkin', name: 'm-checkin', component: () => import('../modules/volunteer/mobile/m-checkin.vue'), meta: { permission: 'volunteer.self', title: 'm.scanned' } },
    ],
  },
];
