import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '../api/coordinator-api'
import { ApiError } from '../api/api-error'

export type SessionState = 'signed-in' | 'signed-out' | 'unreachable'

/** Why the login screen is shown: a fresh visit, a logout, or a session the server no longer knows. */
export type SignOutReason = 'none' | 'logged-out' | 'expired'

export const useCoordinatorSession = defineStore('coordinator-session', () => {
  const username = ref<string | null>(null)
  const reason = ref<SignOutReason>('none')
  let known = false

  /** Asks the server once per page load whether the session cookie is valid (the guard's question). */
  async function ensureSession(): Promise<SessionState> {
    if (known) return username.value ? 'signed-in' : 'signed-out'
    try {
      username.value = (await api.fetchSession())?.username ?? null
      known = true
      return username.value ? 'signed-in' : 'signed-out'
    } catch {
      return 'unreachable'
    }
  }

  /** Logs in; returns the error code to explain, or null on success. */
  async function signIn(name: string, password: string): Promise<string | null> {
    try {
      username.value = (await api.login({ username: name, password })).username
      known = true
      reason.value = 'none'
      return null
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'unknown'
      // A username the server's pattern refuses is just a wrong username to the person typing it.
      return code === 'invalid_body' ? 'invalid_credentials' : code
    }
  }

  /** Logs out on the server when it can be reached; this page forgets the session either way. */
  async function signOut(): Promise<void> {
    await api.logout().catch(() => undefined)
    known = true
    reason.value = 'logged-out'
    username.value = null
  }

  /** Called when any coordinator call answers 401: the session expired or was revoked. */
  function expire(): void {
    known = true
    reason.value = 'expired'
    username.value = null
  }

  return { username, reason, ensureSession, signIn, signOut, expire }
})
