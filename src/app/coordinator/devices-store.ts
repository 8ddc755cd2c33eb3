import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Device, EnrolmentCodeResponse } from '../../shared/admin-protocol'
import * as api from '../api/coordinator-api'
import { attempt } from './attempt'
import { enrolmentQrDataUrl } from './enrolment-qr'

export type ShownEnrolment = EnrolmentCodeResponse & { label: string; qr: string }

export const useCoordinatorDevices = defineStore('coordinator-devices', () => {
  const devices = ref<Device[] | null>(null)
  const loadError = ref<string | null>(null)
  /** The last code issued on this page: shown until the next one (the server never shows it again). */
  const enrolment = ref<ShownEnrolment | null>(null)

  /** Fetches the enrolled tablets afresh. */
  async function load(): Promise<void> {
    loadError.value = null
    const result = await attempt(api.listDevices)
    if (result.ok) devices.value = result.value
    else loadError.value = result.error.code
  }

  /** Issues a one-time enrolment code (24 h) and draws its link as a QR; returns an error code or null. */
  async function enrol(label: string): Promise<string | null> {
    const trimmed = label.trim()
    const result = await attempt(async () => {
      const issued = await api.createEnrolmentCode(trimmed ? { label: trimmed } : {})
      return { ...issued, label: trimmed, qr: await enrolmentQrDataUrl(issued.link) }
    })
    if (!result.ok) return result.error.code
    enrolment.value = result.value
    return null
  }

  /** Revokes a tablet's token (it can no longer sync), then reloads the list; returns an error code or null. */
  async function revoke(id: string): Promise<string | null> {
    const result = await attempt(() => api.revokeDevice(id))
    if (!result.ok) return result.error.code
    await load()
    return null
  }

  return { devices, loadError, enrolment, load, enrol, revoke }
})
