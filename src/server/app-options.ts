import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface RateLimits {
  /** Requests per minute per device token on push/pull. */
  devicePerMinute: number
  /** Requests per minute per IP on public routes (login, enrol). */
  publicPerMinute: number
  /** Requests per minute per session on coordinator routes. */
  adminPerMinute: number
}

export interface AppOptions {
  /** Built PWA to serve; `false` serves the API only. Default: `<repo>/dist`. */
  staticRoot?: string | false
  /** Everything the server writes lives here. Default: ./data */
  dataDir?: string
  /** postgres://… selects PostgreSQL; unset means SQLite `<dataDir>/corner.sqlite`. */
  databaseUrl?: string
  /** PostgreSQL schema (created if missing); used by tests to isolate themselves. */
  pgSchema?: string
  /** Certificate and key (PEM): the server speaks HTTPS itself, adds HSTS and forces secure cookies. */
  https?: { cert: string | Buffer; key: string | Buffer }
  /** Behind a reverse proxy: trust X-Forwarded-For/-Proto (client IP, secure cookies). */
  trustProxy?: boolean
  logger?: boolean
  /** First start only: the coordinator account created when there is none. */
  admin?: { username?: string; password?: string }
  /** Called once when the first admin is created, with the password to show the operator. */
  onAdminCreated?: (admin: { username: string; password: string; generated: boolean }) => void
  rateLimits?: Partial<RateLimits>
  /** Origin put in enrolment links; default: the origin of the coordinator's request. */
  publicOrigin?: string
  /** Injectable clock (tests move it to expire enrolment codes and sessions). */
  clock?: () => Date
}

export const defaultRateLimits: RateLimits = { devicePerMinute: 600, publicPerMinute: 20, adminPerMinute: 600 }

// Same depth from src/server (tsx) and dist-server/server (compiled): both sit two levels under the repo.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const defaultStaticRoot = resolve(repoRoot, 'dist')
