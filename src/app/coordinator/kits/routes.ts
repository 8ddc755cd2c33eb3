import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router'

// Spread into the coordinator routes (entry chunk): lazy imports only.
const requireSession = (to: RouteLocationNormalized) => import('../session-guard').then((m) => m.requireCoordinatorSession(to))

/** The kits: list, duplicate, edit, files in and out. */
export const kitRoutes: RouteRecordRaw[] = [
  { path: 'kits', name: 'coordinator-kits', component: () => import('./KitsView.vue'), beforeEnter: requireSession, meta: { section: 'kits' } },
  {
    path: 'kits/:id/edit', name: 'coordinator-kit-edit', component: () => import('./KitEditView.vue'), props: true,
    beforeEnter: requireSession, meta: { section: 'kits' },
  },
]
