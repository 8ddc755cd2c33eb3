import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * What happens to the next push through the proxy:
 * pass — forwarded untouched; drop-response — forwarded, the server commits, then the tablet's
 * connection is cut before it sees the answer; fail-503 — answered 503 without reaching the
 * server; hold — forwarded, answer kept until release(); after-commit — like drop-response,
 * but `afterCommit` runs first (e.g. to SIGKILL the server).
 */
export type PushFault = 'pass' | 'drop-response' | 'fail-503' | 'hold' | 'after-commit'

/** A loopback HTTP proxy in front of the app server, for network faults the browser cannot fake. */
export class FaultProxy {
  private server?: Server
  private faults: PushFault[] = []
  private held: (() => void)[] = []
  afterCommit: () => Promise<void> = async () => undefined
  pushes = { forwarded: 0, faulted: 0 }

  constructor(private readonly upstreamPort: () => number) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`
  }

  /** Faults for the next pushes, in order; later pushes pass. */
  queueFaults(...faults: PushFault[]): void {
    this.faults.push(...faults)
  }

  /** Lets held answers go through, oldest first. */
  release(count = Number.POSITIVE_INFINITY): void {
    while (count-- > 0 && this.held.length) this.held.shift()!()
  }

  get heldCount(): number {
    return this.held.length
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
  }

  async stop(): Promise<void> {
    this.release()
    this.server?.closeAllConnections()
    await new Promise((resolve) => this.server?.close(resolve))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const isPush = req.method === 'POST' && req.url?.startsWith('/api/v1/push')
    const fault: PushFault = isPush ? (this.faults.shift() ?? 'pass') : 'pass'
    if (isPush && fault !== 'pass') this.pushes.faulted++
    if (isPush) this.pushes.forwarded++
    if (fault === 'fail-503') {
      res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'unavailable', message: 'injected by the test proxy' }))
      return
    }
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    let upstream: { status: number; headers: IncomingMessage['headers']; body: Buffer }
    try {
      upstream = await this.forward(req, body)
    } catch {
      req.socket.destroy()
      return
    }
    if (fault === 'drop-response' || fault === 'after-commit') {
      if (fault === 'after-commit') await this.afterCommit()
      req.socket.destroy()
      return
    }
    if (fault === 'hold') await new Promise<void>((resolve) => this.held.push(resolve))
    res.writeHead(upstream.status, upstream.headers).end(upstream.body)
  }

  private forward(req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const out = request(
        // The Host header passes through unchanged, as a reverse proxy keeps it: the server
        // checks that a state-changing request's Origin names the host it was sent to.
        { host: '127.0.0.1', port: this.upstreamPort(), method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          const chunks: Buffer[] = []
          answer.on('data', (chunk: Buffer) => chunks.push(chunk))
          answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }))
          answer.on('error', reject)
        },
      )
      out.on('error', reject)
      out.end(body)
    })
  }
}
