import swagger from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { eventSchema, factSchema } from '../../shared/records.js'
import { PUSH_MAX_BYTES, PUSH_MAX_EVENTS, PUSH_MAX_FACTS, pushedEventSchema, pushedFactSchema } from '../../shared/sync-protocol.js'

/**
 * A push accepts any record in its arrays (each is validated on its own, so one bad record
 * never fails the batch); the document still shows the shape a record must have.
 */
function documentPushedRecords(): void {
  for (const [placeholder, schema, what] of [[pushedFactSchema, factSchema, 'fact'], [pushedEventSchema, eventSchema, 'event']] as const) {
    if (z.globalRegistry.has(placeholder)) continue
    const { $schema: _dialect, ...shape } = z.toJSONSchema(schema, { io: 'input' })
    z.globalRegistry.add(placeholder, { description: `One ${what}, validated on its own: a bad one gets its own result`, ...shape })
  }
}

/**
 * The OpenAPI document is generated from the zod schemas declared on the routes
 * (fastify-type-provider-zod): what is validated is what is published. Register before the routes.
 */
declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after this plugin (the OpenAPI completeness test reads it). */
    registeredRoutes: { method: string; url: string; hidden: boolean }[]
  }
}

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  documentPushedRecords()
  const routes: FastifyInstance['registeredRoutes'] = []
  app.decorate('registeredRoutes', routes)
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, hidden: Boolean(route.schema?.hide) })
  })
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Health Promotion Corner API',
        version: '1',
        description:
          'Sync protocol (device token) and coordinator API (session cookie). ' +
          `Limits: ${PUSH_MAX_FACTS} facts, ${PUSH_MAX_EVENTS} events, ${PUSH_MAX_BYTES} bytes per push. ` +
          'State-changing coordinator and public routes need a same-origin Origin and application/json.',
      },
      components: {
        securitySchemes: {
          deviceToken: { type: 'http', scheme: 'bearer', description: 'Token from POST /api/v1/enrol' },
          session: { type: 'apiKey', in: 'cookie', name: 'corner_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
  })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())
}
