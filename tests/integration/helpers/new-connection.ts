import { request } from 'node:http'

/**
 * One request on a connection of its own (fetch would reuse one), so the cluster's round
 * robin spreads requests over its workers. Resolves with status and body text.
 */
export function onNewConnection(url: string, init: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false, ...(init.signal ? { signal: init.signal } : {}) }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(init.body)
  })
}
