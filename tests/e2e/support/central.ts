import Database from 'better-sqlite3'
import { join } from 'node:path'
import type { AppServer } from './app-server'

/** The coordinator's side of a test: logs in over HTTP and issues enrolment codes. */
export class Coordinator {
  private cookie = ''
  constructor(private readonly server: AppServer) {}

  private async call(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${this.server.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', origin: this.server.url, cookie: this.cookie, ...init.headers },
    })
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
    return response
  }

  /** Any coordinator call, answered as JSON (it throws on a non-2xx answer). */
  async json<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
    return (await this.call(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })).json() as Promise<T>
  }

  async login(): Promise<void> {
    const response = await this.call('/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ username: 'admin', password: 'e2e-password-123' }) })
    this.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!
  }

  /** A code for a new tablet, or (with `deviceId`) one that re-enrols that tablet only. */
  async enrolmentCode(deviceId?: string): Promise<{ code: string; link: string }> {
    const body = deviceId ? { deviceId } : { label: 'e2e tablet' }
    return (await this.call('/api/v1/admin/enrolment-codes', { method: 'POST', body: JSON.stringify(body) })).json()
  }

  async revoke(deviceId: string): Promise<void> {
    await this.call(`/api/v1/admin/devices/${deviceId}/revoke`, { method: 'POST', body: '{}' })
  }

  async restore(deviceId: string): Promise<void> {
    await this.call(`/api/v1/admin/devices/${deviceId}/restore`, { method: 'POST', body: '{}' })
  }
}

/** One device's fact ids as the server stored them (read straight from its SQLite file), duplicates kept. */
export function serverFactIds(server: AppServer, deviceId: string): string[] {
  const db = new Database(join(server.dataDir, 'corner.sqlite'), { readonly: true, fileMustExist: true })
  try {
    return (db.prepare('SELECT id FROM facts WHERE device_id = ? ORDER BY seq').all(deviceId) as { id: string }[]).map((row) => row.id)
  } finally {
    db.close()
  }
}
