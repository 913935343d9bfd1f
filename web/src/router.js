import { createRouter, createWebHistory } from 'vue-router';
import { useSession } from './stores/session.js';
import { setUnauthorizedHandler } from './api/http.js';
import AppLayout from './layout/app-layout.vue';
import LoginView from './views/login-view.vue';
import { placesRoutes } from './modules/places/routes.js';
import { residentsRoutes } from './modules/residents/routes.js';
import { reportsRoutes, reportsPrintRoutes } from './modules/reports/routes.js';
import { accountsRoutes } from './modules/accounts/routes.js';
import { dictionariesRoutes } from './modules/dictionaries/routes.js';
import { organizationsRoutes } from './modules/organizations/routes.js';
import { partyRoutes } from './modules/party/routes.js';
import { committeeRoutes } from './modules/committee/routes.js';
import { jobsRoutes, jobsPrintRoutes } from './modules/jobs/routes.js';
import { linkageRoutes } from './modules/linkage/routes.js';
import { cultureRoutes, culturePublicRoutes, culturePrintRoutes } from './modules/culture/routes.js';
import { volunteerRoutes, volunteerPrintRoutes } from './modules/volunteer/routes.js';
import { servicesRoutes } from './modules/services/routes.js';
import { charityRoutes, charityPublicRoutes, charityPrintRoutes } from './modules/charity/routes.js';
import { casesRoutes, casesPrintRoutes } from './modules/cases/routes.js';
import { noticesRoutes } from './modules/notices/routes.js';
import { shuttleRoutes, shuttlePrintRoutes } from './modules/shuttle/routes.js';
import { mobileRoutes } from './mobile/routes.js';

// What waits for the person comes first: it is where staff land after signing in.
const todoRoutes = [{ path: '/todo', name: 'todo', component: () => import('./views/todo-view.vue'), meta: { menu: 'nav.todo' } }];
const moduleRoutes = [...todoRoutes, ...reportsRoutes, ...placesRoutes, ...residentsRoutes, ...organizationsRoutes, ...partyRoutes, ...committeeRoutes, ...cultureRoutes, ...jobsRoutes, ...linkageRoutes, ...volunteerRoutes, ...servicesRoutes, ...charityRoutes, ...casesRoutes, ...shuttleRoutes, ...noticesRoutes, ...accountsRoutes, ...dictionariesRoutes];

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
    { path: '/', component: AppLayout, children: [{ path: '', name: 'home', redirect: () => firstAllowed() }, ...moduleRoutes] },
    ...volunteerPrintRoutes,
    ...charityPrintRoutes,
    ...casesPrintRoutes,
    ...shuttlePrintRoutes,
    ...charityPublicRoutes,
    ...culturePublicRoutes,
    ...culturePrintRoutes,
    ...jobsPrintRoutes,
    ...reportsPrintRoutes,
    ...mobileRoutes,
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

// The menu is built from these: every module route with meta.menu, shown if permitted.
export const menuRoutes = moduleRoutes.filter((r) => r.meta && r.meta.menu);

function firstAllowed() {
  const session = useSession();
  // Residents, group leaders and the committee's officers work on the phone pages.
  if (['resident', 'group_leader'].includes(session.user.role)) return '/m';
  if (session.user.role === 'ethnic_liaison') return '/m/officer';
  const r = menuRoutes.find((x) => !x.meta.permission || session.can(x.meta.permission));
  return r ? r.path : '/account';
}

router.beforeEach(async (to) => {
  const session = useSession();
  if (!session.loaded) await session.load();
  if (to.meta.public) {
    if (session.user && to.name === 'login') return '/';
    if (session.user && to.name === 'm-login') return '/m';
    return true;
  }
  if (!session.user) return { name: to.path.startsWith('/m') ? 'm-login' : 'login', query: { next: to.fullPath } };
  // After an administrator reset the password, nothing but choosing a new one.
  if (session.user.must_change_password && to.name !== 'account') return { name: 'account' };
  if (to.meta.permission && !session.can(to.meta.permission)) return '/';
  return true;
});

setUnauthorizedHandler(() => {
  const session = useSession();
  session.user = null;
  if (router.currentRoute.value.name !== 'login') router.push({ name: 'login', query: { next: router.currentRoute.value.fullPath } });
});
