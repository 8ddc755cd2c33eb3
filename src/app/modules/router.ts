import type { App } from 'vue'
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'

// Every screen is its own chunk: the first paint only needs the shell (bundle budget).
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'events', component: () => import('../events/EventsView.vue') },
  { path: '/events/new', name: 'event-new', component: () => import('../events/EventCreateView.vue') },
  { path: '/events/:eventId', name: 'tap', component: () => import('../interactions/TapView.vue'), props: true },
  {
    path: '/events/:eventId/export',
    name: 'export',
    component: () => import('../export/ExportView.vue'),
    props: true,
  },
  { path: '/settings', name: 'settings', component: () => import('../settings/SettingsView.vue') },
  { path: '/:unknown(.*)*', redirect: '/' },
]

export function install(app: App): void {
  app.use(createRouter({ history: createWebHistory(), routes }))
}
