import type { FastifyInstance } from 'fastify'
import type { AppOptions } from './app-options.js'
import { buildApp } from './app.js'

export interface StartOptions extends AppOptions {
  /** Default 127.0.0.1; tablets on a LAN need 0.0.0.0 (and TLS, for service workers). */
  host?: string
  /** 0 picks a free port (tests). Default 8080. */
  port?: number
}

export interface RunningServer {
  app: FastifyInstance
  /** e.g. http://127.0.0.1:8080 */
  url: string
  close: () => Promise<void>
}

/** Builds the app and listens; used by server.ts and by the integration tests. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const app = await buildApp(options)
  const host = options.host ?? '127.0.0.1'
  try {
    await app.listen({ host, port: options.port ?? 8080 })
  } catch (error) {
    await app.close()
    throw error
  }
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const shownHost = host.includes(':') ? `[${host}]` : host
  const scheme = options.https ? 'https' : 'http'
  return { app, url: `${scheme}://${shownHost}:${port}`, close: () => app.close() }
}
