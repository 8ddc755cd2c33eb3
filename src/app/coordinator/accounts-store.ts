import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Account } from '../../shared/admin-protocol'
import * as api from '../api/coordinator-api'
import { attempt } from './attempt'
import { validateAccountForm, type AccountFormErrors } from './validate-account'

export type AddAccountResult = { ok: true } | { ok: false; errors: AccountFormErrors } | { ok: false; code: string }

export const useCoordinatorAccounts = defineStore('coordinator-accounts', () => {
  const accounts = ref<Account[] | null>(null)
  const loadError = ref<string | null>(null)

  /** Fetches the coordinator accounts afresh. */
  async function load(): Promise<void> {
    loadError.value = null
    const result = await attempt(api.listAccounts)
    if (result.ok) accounts.value = result.value
    else loadError.value = result.error.code
  }

  /** Adds a coordinator account; a taken username is reported at its field. */
  async function add(form: { username: string; password: string }): Promise<AddAccountResult> {
    const checked = validateAccountForm(form)
    if (!checked.ok) return checked
    const result = await attempt(() => api.createAccount(checked.value))
    if (result.ok) {
      accounts.value = [...(accounts.value ?? []), result.value]
      return { ok: true }
    }
    if (result.error.code === 'username_taken') return { ok: false, errors: { username: 'taken' } }
    return { ok: false, code: result.error.code }
  }

  /**
   * Disables or enables an account; returns the error code to explain, or null. The server
   * refuses to disable your own account or the last enabled one (409), so someone can always log in.
   */
  async function setEnabled(id: string, enabled: boolean): Promise<string | null> {
    const result = await attempt(() => (enabled ? api.enableAccount(id) : api.disableAccount(id)))
    if (!result.ok) return result.error.code
    accounts.value = (accounts.value ?? []).map((account) => (account.id === id ? result.value : account))
    return null
  }

  return { accounts, loadError, load, add, setEnabled }
})
