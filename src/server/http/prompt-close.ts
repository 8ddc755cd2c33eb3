import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyInstance } from 'fastify'

/** How long responses already under way get once the server is asked to stop. */
const CLOSE_GRACE_MS = 10_000

/**
 * Closing waits for requests in flight (a push commits before the database closes), and
 * Node already ends idle keep-alive connections. It does not end a connection that never
 * sent a request: a browser's speculative preconnect then held a stop for the socket timeout
 * (two minutes). Those are closed at once, a response finished while closing closes its
 * connection, and whatever is still open after the grace is closed too.
 */
export function closePromptly(app: FastifyInstance, graceMs = CLOSE_GRACE_MS): void {
  const unused = new Set<Socket>()
  app.server.on('connection', (socket: Socket) => {
    unused.add(socket)
    socket.once('close', () => unused.delete(socket))
  })
  app.server.on('request', (request: IncomingMessage) => {
    // Over TLS the request's socket wraps the TCP one that 'connection' saw.
    const socket = request.socket as Socket & { _parent?: Socket }
    unused.delete(socket._parent ?? socket)
  })
  let closing = false
  // A response finished while closing ends its connection instead of keeping it alive.
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close')
  })
  app.addHook('preClose', async () => {
    closing = true
    for (const socket of unused) socket.destroy()
    const force = setTimeout(() => app.server.closeAllConnections(), graceMs)
    force.unref()
    app.server.once('close', () => clearTimeout(force))
  })
}
