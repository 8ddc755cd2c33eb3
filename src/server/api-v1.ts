import type { FastifyInstance } from 'fastify'
import { accountsRoutes } from './accounts/accounts-routes.js'
import { contentsRoutes } from './contents/contents-routes.js'
import { publicAuthRoutes, sessionAuthRoutes } from './accounts/auth-routes.js'
import { loadSession, requireSession } from './accounts/session-auth.js'
import { loadDevice, requireDevice } from './devices/device-auth.js'
import { devicesRoutes } from './devices/devices-routes.js'
import { enrolRoutes } from './devices/enrol-routes.js'
import { kitsRoutes } from './documents/kits-routes.js'
import { eventsRoutes } from './events/events-routes.js'
import { sameOriginGuard } from './http/same-origin.js'
import { phoneRoutes } from './phone/phone-routes.js'
import { reportsRoutes } from './reports/reports-routes.js'
import { exportsRoutes } from './exports/exports-routes.js'
import { surveysRoutes } from './surveys/surveys-routes.js'
import { syncRoutes } from './sync/sync-routes.js'

/**
 * The /api/v1 tree, one branch per kind of caller:
 * - public (login, logout, enrol, phone surveys): same-origin JSON only, limited per address or code;
 * - device (push, pull): bearer token checked on request, before the body;
 * - session (/auth/me, /auth/password, /admin/*): the coordinator's cookie, same-origin JSON only.
 * Hooks run in order: identify the caller (onRequest), rate limit (route-level onRequest),
 * refuse the unauthenticated (preParsing) — so unknown callers never get their body parsed.
 */
export async function apiV1(app: FastifyInstance): Promise<void> {
  const publicOrigin = app.settings.publicOrigin
  await app.register(async (branch) => {
    branch.addHook('onRequest', sameOriginGuard({ requireOrigin: true, ...(publicOrigin ? { publicOrigin } : {}) }))
    await branch.register(publicAuthRoutes)
    await branch.register(enrolRoutes)
    await branch.register(phoneRoutes)
  })
  // Whoever reads counts (pull totals, dashboards, codes) sees the scans counted a moment ago.
  const countsWritten = async () => app.linkCounts.flush()
  await app.register(async (branch) => {
    branch.addHook('onRequest', sameOriginGuard({ requireOrigin: false, ...(publicOrigin ? { publicOrigin } : {}) }))
    branch.addHook('preHandler', countsWritten)
    branch.addHook('onRequest', loadDevice)
    branch.addHook('preParsing', requireDevice)
    await branch.register(syncRoutes)
  })
  await app.register(async (branch) => {
    branch.addHook('onRequest', sameOriginGuard({ requireOrigin: true, ...(publicOrigin ? { publicOrigin } : {}) }))
    branch.addHook('onRequest', loadSession)
    branch.addHook('preParsing', requireSession)
    branch.addHook('preHandler', countsWritten)
    await branch.register(sessionAuthRoutes)
    await branch.register(async (admin) => {
      await admin.register(accountsRoutes)
      await admin.register(devicesRoutes)
      await admin.register(eventsRoutes)
      await admin.register(kitsRoutes)
      await admin.register(surveysRoutes)
      await admin.register(contentsRoutes)
      await admin.register(reportsRoutes)
      await admin.register(exportsRoutes)
    }, { prefix: '/admin' })
  })
}
