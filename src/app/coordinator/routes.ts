import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router'
import { kitRoutes } from './kits/routes'
import { reportRoutes } from './reports/routes'

// This file is part of the entry chunk (router.ts spreads it): it may only import lazily, so
// zod, qrcode, the coordinator's screens and messages stay out of the operator's bundle.
const loadMessages = () => import('./messages').then((m) => m.loadCoordinatorMessages())
const requireSession = (to: RouteLocationNormalized) => import('./session-guard').then((m) => m.requireCoordinatorSession(to))
const EventForm = () => import('./CoordinatorEventFormView.vue')
const ContentForm = () => import('./contents/ContentFormView.vue')
const contents = (path: string, name: string, component: RouteRecordRaw['component']): RouteRecordRaw =>
  ({ path: `contents${path}`, name, component, props: true, beforeEnter: requireSession, meta: { section: 'contents' } }) as RouteRecordRaw
const SurveyEditor = () => import('./surveys/SurveyEditorView.vue')

/** The coordinator area: a lazy-loaded route group of the same PWA; it needs the network. */
export const coordinatorRoutes: RouteRecordRaw[] = [
  {
    path: '/coordinator',
    component: () => import('./CoordinatorLayout.vue'),
    beforeEnter: loadMessages,
    children: [
      { path: 'login', name: 'coordinator-login', component: () => import('./CoordinatorLoginView.vue'), meta: { public: true } },
      {
        path: '', name: 'coordinator-events', component: () => import('./CoordinatorEventsView.vue'),
        beforeEnter: requireSession, meta: { section: 'events' },
      },
      { path: 'events/new', name: 'coordinator-event-new', component: EventForm, beforeEnter: requireSession, meta: { section: 'events' } },
      {
        path: 'events/:id/edit', name: 'coordinator-event-edit', component: EventForm, props: true,
        beforeEnter: requireSession, meta: { section: 'events' },
      },
      contents('', 'coordinator-contents', () => import('./contents/ContentsView.vue')),
      contents('/new', 'coordinator-content-new', ContentForm),
      contents('/:id/edit', 'coordinator-content-edit', ContentForm),
      contents('/events/:id', 'coordinator-event-codes', () => import('./contents/EventCodesView.vue')),
      contents('/events/:id/print/:layout(poster|tent|flyer)', 'coordinator-event-print', () => import('./contents/PrintView.vue')),
      {
        path: 'surveys', name: 'coordinator-surveys', component: () => import('./surveys/SurveysListView.vue'),
        beforeEnter: requireSession, meta: { section: 'surveys' },
      },
      { path: 'surveys/new', name: 'coordinator-survey-new', component: SurveyEditor, beforeEnter: requireSession, meta: { section: 'surveys' } },
      {
        path: 'surveys/:id', name: 'coordinator-survey-edit', component: SurveyEditor, props: true,
        beforeEnter: requireSession, meta: { section: 'surveys' },
      },
      {
        path: 'devices', name: 'coordinator-devices', component: () => import('./CoordinatorDevicesView.vue'),
        beforeEnter: requireSession, meta: { section: 'devices' },
      },
      {
        path: 'accounts', name: 'coordinator-accounts', component: () => import('./CoordinatorAccountsView.vue'),
        beforeEnter: requireSession, meta: { section: 'accounts' },
      },
      {
        path: 'password', name: 'coordinator-password', component: () => import('./CoordinatorPasswordView.vue'),
        beforeEnter: requireSession, meta: { section: 'password' },
      },
      ...reportRoutes,
      ...kitRoutes,
    ],
  },
]
