import type { App } from 'vue'
import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router'
import { coordinatorRoutes } from '../coordinator/routes'
import EventsView from '../events/EventsView.vue'
import TapView from '../interactions/TapView.vue'
import { returnToActiveKiosk } from '../kiosk/kiosk-relaunch-guard'

// The two screens an operator relaunches into are in the entry chunk (no extra fetch on a
// cold offline start); the others are their own chunks (bundle budget).
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'events', component: EventsView },
  { path: '/events/new', name: 'event-new', component: () => import('../events/EventCreateView.vue') },
  { path: '/events/:eventId', name: 'tap', component: TapView, props: true },
  {
    path: '/events/:eventId/export',
    name: 'export',
    component: () => import('../export/ExportView.vue'),
    props: true,
  },
  { path: '/events/:eventId/qr', name: 'qr-wall', component: () => import('../qr/QrWallView.vue'), props: true, meta: { bare: true } },
  {
    path: '/events/:eventId/surveys',
    name: 'surveys',
    component: () => import('../surveys/SurveysView.vue'),
    props: true,
  },
  {
    // Kiosk mode: its own chunk, its own full-screen layout (App.vue reads meta.kiosk).
    path: '/events/:eventId/kiosk',
    name: 'kiosk',
    component: () => import('../kiosk/KioskView.vue'),
    props: (route) => ({ eventId: route.params.eventId, surveyId: typeof route.query.survey === 'string' ? route.query.survey : undefined }),
    meta: { kiosk: true },
  },
  { path: '/settings', name: 'settings', component: () => import('../settings/SettingsView.vue') },
  { path: '/enrol', name: 'enrol', component: () => import('../connection/EnrolView.vue') },
  ...coordinatorRoutes,
  { path: '/:unknown(.*)*', redirect: '/' },
]

export function install(app: App): Router {
  const router = createRouter({ history: createWebHistory(), routes })
  router.beforeEach(returnToActiveKiosk)
  app.use(router)
  return router
}
