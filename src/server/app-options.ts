import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { LoginThrottle } from './accounts/accounts-service.js'
import type { RateLimits } from './http/rate-limits.js'

export interface AppOptions {
  /** Built PWA to serve; `false` serves the API only. Default: `<repo>/dist`. */
  staticRoot?: string | false
  /** Everything the server writes lives here. Default: ./data */
  dataDir?: string
  /** postgres://… selects PostgreSQL; unset means SQLite `<dataDir>/corner.sqlite`. */
  databaseUrl?: string
  /** PostgreSQL schema of our tables (created if missing). Default `corner` (see open-database.ts). */
  pgSchema?: string
  /** Certificate and key (PEM): the server speaks HTTPS itself, adds HSTS and forces secure cookies. */
  https?: { cert: string | Buffer; key: string | Buffer }
  /**
   * Behind reverse proxies: how many hops of X-Forwarded-For to trust (a number), or the
   * proxies' addresses/CIDRs. Never "any": a client could then pick its own address.
   */
  trustProxy?: number | string[]
  logger?: boolean
  /** First start only: the coordinator account created when there is none. */
  admin?: { username?: string; password?: string }
  /** Called once when the first admin is created, with the password to show the operator. */
  onAdminCreated?: (admin: { username: string; password: string; generated: boolean }) => void
  rateLimits?: Partial<RateLimits>
  /** redis://…: rate-limit counters shared by every server process. */
  redisUrl?: string
  /** Key prefix in Redis (tests isolate themselves with it). */
  rateLimitNamespace?: string
  loginThrottle?: Partial<LoginThrottle>
  /** Open events one tablet may create offline. Default 200. */
  maxOpenEventsPerDevice?: number
  /** A request must arrive whole within this time (slow senders are cut off). Default 60 s. */
  requestTimeoutMs?: number
  /** Domains (and subdomains) that `web` contents may link to. Default: the agency's. */
  agencyDomains?: string[]
  /** Origin put in enrolment links and accepted as same-origin; default: the request's own. */
  publicOrigin?: string
  /** Injectable clock (tests move it to expire enrolment codes and sessions). */
  clock?: () => Date
}

// Same depth from src/server (tsx) and dist-server/server (compiled): both sit two levels under the repo.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const defaultStaticRoot = resolve(repoRoot, 'dist')
