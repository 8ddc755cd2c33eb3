import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { dashboardSchema, indicatorsSchema, indicatorTargetsSchema, reportScopeSchema } from '../../shared/report-protocol.js'
import { perAccount } from '../http/rate-limits.js'
import { errors, sessionSecurity } from '../http/route-schemas.js'
import { buildDashboard } from './dashboard-service.js'
import { buildIndicators, saveIndicatorTargets } from './indicators-service.js'

const periodSchema = z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() })
const milanDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' })

/** /api/v1/admin/dashboard and /indicators: figures computed in SQL over all tablets' synced facts. */
export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const security = sessionSecurity
  const config = perAccount(app.rateLimits)

  app.get('/dashboard', {
    config,
    schema: { summary: 'Contacts, events, survey answers, scans and quiet tablets for an event, a period, a setting or a topic', security, querystring: reportScopeSchema, response: { 200: dashboardSchema, ...errors(400, 401, 429) } },
  }, async (request) => buildDashboard(app.db, request.query, app.clock()))

  app.get('/indicators', {
    config,
    schema: { summary: 'The project plan\'s indicators against their targets, over a period', security, querystring: periodSchema, response: { 200: indicatorsSchema, ...errors(400, 401, 429) } },
  }, async (request) => buildIndicators(app.db, request.query, milanDay.format(app.clock())))

  app.put('/indicator-targets', {
    config,
    schema: { summary: 'Change the plan\'s targets', security, body: indicatorTargetsSchema, response: { 200: indicatorTargetsSchema, ...errors(400, 401, 403, 415, 429) } },
  }, async (request) => saveIndicatorTargets(app.db, request.body, app.clock()))
}
