import type { RouteRecordRaw } from 'vue-router'

/** The coordinator area: a lazy-loaded route group of the same PWA (filled in by its feature). */
export const coordinatorRoutes: RouteRecordRaw[] = []
