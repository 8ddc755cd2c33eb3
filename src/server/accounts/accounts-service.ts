import { v7 as uuidv7 } from 'uuid'
import type { Account, ChangePasswordRequest, CreateAccountRequest, LoginRequest } from '../../shared/admin-protocol.js'
import type { AccountRow } from '../db/accounts.table.js'
import type { Db } from '../db/database.table.js'
import { inTransaction } from '../db/transaction.js'
import { DomainError, notFound } from '../domain-errors.js'
import { newToken, sha256 } from '../tokens.js'
import {
  countAccounts, countEnabledAccounts, findAccountById, findAccountByUsername, insertAccount, listAccounts,
  setAccountDisabled, updatePasswordHash,
} from './accounts-repository.js'
import { clearLoginFailures, countLoginFailures, recordLoginFailure, sweepLoginFailures } from './login-failures-repository.js'
import { hashPassword, MIN_PASSWORD_LENGTH, newPassword, verifyPassword } from './passwords.js'
import { deleteAccountSessions, deleteSession, insertSession } from './sessions-repository.js'

export const SESSION_HOURS = 12

/**
 * Failed logins allowed in the window: per username from one source (a guesser is stopped
 * quickly), and per username from all sources together (a spread-out guesser is slowed,
 * while the coordinator, on another address, can still log in unless that much higher
 * ceiling is reached).
 */
export interface LoginThrottle {
  perSource: number
  perUsername: number
  windowMinutes: number
}
export const defaultLoginThrottle: LoginThrottle = { perSource: 5, perUsername: 100, windowMinutes: 15 }

// Compared against when the username is unknown, so both failures take the same time.
const decoyHash = hashPassword('decoy password, never matches')
const throttled = () => new DomainError('rate_limited', 'rate_limited', 'Too many failed logins for this account: wait a few minutes')

export function toAccount(row: Omit<AccountRow, 'password_hash'>): Account {
  return { id: row.id, username: row.username, createdAt: row.created_at, disabledAt: row.disabled_at }
}

/** First start only: one coordinator, with a generated password unless one is given. */
export async function ensureAdmin(
  db: Db,
  admin: { username?: string; password?: string } | undefined,
  now: Date,
): Promise<{ username: string; password: string; generated: boolean } | undefined> {
  if ((await countAccounts(db)) > 0) return undefined
  const username = admin?.username ?? 'admin'
  const password = admin?.password ?? newPassword()
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`ADMIN_PASSWORD needs at least ${MIN_PASSWORD_LENGTH} characters`)
  const inserted = await insertAccount(db, { id: uuidv7(), username, password_hash: await hashPassword(password), created_at: now.toISOString() })
  // Another instance starting at the same moment may have won the race: then it reports the password.
  return inserted ? { username, password, generated: admin?.password === undefined } : undefined
}

/** Checks the password under the throttle; returns a new session token and its expiry. */
export async function login(db: Db, input: LoginRequest & { clientAddress: string }, now: Date, limits = defaultLoginThrottle) {
  const source = sha256(input.clientAddress)
  const since = new Date(now.getTime() - limits.windowMinutes * 60_000).toISOString()
  if ((await countLoginFailures(db, input.username, since, source)) >= limits.perSource) throw throttled()
  if ((await countLoginFailures(db, input.username, since)) >= limits.perUsername) throw throttled()
  const account = await findAccountByUsername(db, input.username)
  const ok = await verifyPassword(input.password, account?.password_hash ?? (await decoyHash))
  if (!account || !ok) {
    await sweepLoginFailures(db, since)
    await recordLoginFailure(db, { username: input.username, source, at: now.toISOString() })
    throw new DomainError('unauthorized', 'invalid_credentials', 'Wrong username or password')
  }
  // Said only to someone who knows the password.
  if (account.disabled_at) throw new DomainError('forbidden', 'account_disabled', 'This account is disabled')
  await clearLoginFailures(db, input.username, source)
  const token = newToken()
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString()
  await insertSession(db, { token_hash: sha256(token), account_id: account.id, created_at: now.toISOString(), expires_at: expiresAt })
  return { token, expiresAt, username: account.username }
}

export async function logout(db: Db, token: string | undefined, now: Date): Promise<void> {
  if (token) await deleteSession(db, sha256(token), now.toISOString())
}

/** Ends the account's other sessions: whoever else held the old password is logged out. */
export async function changePassword(db: Db, accountId: string, sessionToken: string, input: ChangePasswordRequest): Promise<void> {
  const account = await findAccountById(db, accountId)
  if (!account || !(await verifyPassword(input.currentPassword, account.password_hash))) {
    throw new DomainError('unauthorized', 'invalid_credentials', 'The current password is wrong')
  }
  await updatePasswordHash(db, account.id, await hashPassword(input.newPassword))
  await deleteAccountSessions(db, account.id, sha256(sessionToken))
}

export async function createAccount(db: Db, input: CreateAccountRequest, now: Date): Promise<Account> {
  const row = { id: uuidv7(), username: input.username, password_hash: await hashPassword(input.password), created_at: now.toISOString() }
  if (!(await insertAccount(db, row))) throw new DomainError('conflict', 'username_taken', `${input.username} already exists`)
  return toAccount({ ...row, disabled_at: null })
}

export async function listAllAccounts(db: Db): Promise<Account[]> {
  return (await listAccounts(db)).map(toAccount)
}

/** A coordinator cannot lock themselves out, nor leave the agency without any enabled account. */
export async function setAccountEnabled(db: Db, accountId: string, enabled: boolean, actingAccountId: string, now: Date): Promise<Account> {
  if (!enabled && accountId === actingAccountId) throw new DomainError('conflict', 'cannot_disable_self', 'You cannot disable your own account')
  return inTransaction(db, async (trx) => {
    const account = await findAccountById(trx, accountId)
    if (!account) throw notFound(`account ${accountId}`)
    if (enabled === (account.disabled_at === null)) return toAccount(account)
    if (!enabled && (await countEnabledAccounts(trx)) <= 1) throw new DomainError('conflict', 'last_account', 'The last enabled account cannot be disabled')
    const disabledAt = enabled ? null : now.toISOString()
    await setAccountDisabled(trx, accountId, disabledAt)
    if (!enabled) await deleteAccountSessions(trx, accountId)
    return toAccount({ ...account, disabled_at: disabledAt })
  })
}
