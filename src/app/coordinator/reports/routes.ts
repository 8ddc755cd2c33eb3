import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router'

// Spread into the coordinator routes (entry chunk): lazy imports only, so Chart.js and the
// report screens load when a report page opens, never with the operator's app.
const requireSession = (to: RouteLocationNormalized) => import('../session-guard').then((m) => m.requireCoordinatorSession(to))

/** Dashboard, printable event report, indicators and exports. */
export const reportRoutes: RouteRecordRaw[] = [
  {
    path: 'dashboard', name: 'coordinator-dashboard', component: () => import('./DashboardView.vue'),
    beforeEnter: requireSession, meta: { section: 'dashboard' },
  },
  {
    path: 'reports/events/:id', name: 'coordinator-event-report', component: () => import('./EventReportView.vue'), props: true,
    beforeEnter: requireSession, meta: { section: 'dashboard' },
  },
  {
    path: 'indicators', name: 'coordinator-indicators', component: () => import('./IndicatorsView.vue'),
    beforeEnter: requireSession, meta: { section: 'indicators' },
  },
  {
    path: 'exports', name: 'coordinator-exports', component: () => import('../exports/ExportsView.vue'),
    beforeEnter: requireSession, meta: { section: 'exports' },
  },
]
