import { createRouter, createWebHistory } from 'vue-router'
import Shell from './layout/Shell.vue'
import Home from './views/Home.vue'
import LoginView from './views/LoginView.vue'
import { useAuth } from './stores/auth'

export const ENTITIES = ['enterprises', 'units', 'equipment', 'points', 'chemicals', 'catalog']

export const routes = [
  // Public: the only page reachable without a session.
  { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
  // Logged in, allowed (and forced) while the password must be changed.
  { path: '/change-password', name: 'change-password', component: () => import('./views/ChangePassword.vue') },
  // The large screen runs full-window without the shell.
  { path: '/screen', name: 'screen', component: () => import('./views/ScreenView.vue') },
  {
    path: '/',
    component: Shell,
    children: [
      { path: '', name: 'home', component: Home },
      { path: 'map', name: 'map', component: () => import('./views/MapView.vue') },
      { path: 'modules', name: 'modules', component: () => import('./views/ModuleList.vue') },
      {
        path: `asset/:entity(${ENTITIES.join('|')})/:id(\\d+)?`,
        name: 'asset',
        component: () => import('./views/asset/CrudPage.vue'),
        props: true
      },
      // The telemetry module's pages (menu entries of its descriptor).
      { path: 'telemetry/live', name: 'telemetry-live', component: () => import('./views/telemetry/LiveView.vue') },
      { path: 'telemetry/alarms', name: 'telemetry-alarms', component: () => import('./views/telemetry/AlarmsView.vue') },
      { path: 'telemetry/history', name: 'telemetry-history', component: () => import('./views/telemetry/HistoryView.vue') },
      { path: 'telemetry/sources', name: 'telemetry-sources', component: () => import('./views/telemetry/SourcesView.vue') },
      // The security module's menu entries (users, roles, organisations, audit) are pages of the shell.
      { path: 'security/users', name: 'security-users', component: () => import('./views/security/UsersView.vue') },
      { path: 'security/roles', name: 'security-roles', component: () => import('./views/security/RolesView.vue') },
      { path: 'security/organisations', name: 'security-organisations', component: () => import('./views/security/OrganisationsView.vue') },
      { path: 'security/audit', name: 'security-audit', component: () => import('./views/security/AuditView.vue') },
      // Major hazard sources (issue 5): menu entries of the hazard, risk, report and classification modules.
      { path: 'hazard/sources', name: 'hazard-sources', component: () => import('./views/hazard/SourcesView.vue') },
      { path: 'hazard/sources/:unitId(\\d+)', name: 'hazard-source', component: () => import('./views/hazard/SourceView.vue'), props: true },
      { path: 'hazard/detector-check', name: 'hazard-detector-check', component: () => import('./views/hazard/DetectorCheckView.vue') },
      { path: 'hazard/responsibility', name: 'hazard-responsibility', component: () => import('./views/hazard/ResponsibilityView.vue') },
      { path: 'risk/scores', name: 'risk-scores', component: () => import('./views/risk/ScoresView.vue') },
      { path: 'risk/warnings', name: 'risk-warnings', component: () => import('./views/risk/WarningsView.vue') },
      { path: 'report/reports', name: 'report-reports', component: () => import('./views/report/ReportsView.vue') },
      { path: 'report/hidden-dangers', name: 'report-hidden-dangers', component: () => import('./views/report/HiddenDangersView.vue') },
      { path: 'classification', name: 'classification', component: () => import('./views/classification/ClassificationView.vue') },
      { path: 'classification/commitments', name: 'classification-commitments', component: () => import('./views/classification/CommitmentsView.vue') },
      { path: 'classification/diagnoses', name: 'classification-diagnoses', component: () => import('./views/classification/DiagnosesView.vue') },
      // The notify module's in-app inbox (站内消息), reached from the header's bell.
      { path: 'notify/inbox', name: 'notify-inbox', component: () => import('./views/notify/InboxView.vue') },
      // Any other route: a module's runtime UI part, its info page, or "not found".
      { path: ':pathMatch(.*)*', name: 'module', component: () => import('./views/ModuleHost.vue') }
    ]
  }
]

export const router = createRouter({ history: createWebHistory('/'), routes })

/**
 * Every page but /login needs a session: without one the user goes to /login?redirect=<path>.
 * The user (permissions, mustChangePassword) is loaded from /auth/me before the first page;
 * while the password must be changed, only /change-password is reachable.
 */
export async function guard(to) {
  const auth = useAuth()
  if (to.meta.public) return true
  if (!auth.loggedIn) return { name: 'login', query: { redirect: to.fullPath } }
  if (!auth.meLoaded) {
    try {
      await auth.loadMe()
    } catch {
      // 401 that refreshing could not cure has ended the session; other errors: let the page try.
      if (!auth.loggedIn) return { name: 'login', query: { redirect: to.fullPath } }
    }
  }
  if (auth.mustChangePassword && to.name !== 'change-password') {
    return { name: 'change-password', query: { redirect: to.fullPath } }
  }
  return true
}

router.beforeEach(guard)
