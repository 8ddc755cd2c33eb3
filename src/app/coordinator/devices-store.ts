import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CreateEnrolmentCodeRequest, Device, EnrolmentCodeResponse } from '../../shared/admin-protocol'
import * as api from '../api/coordinator-api'
import { attempt } from './attempt'
import { enrolmentQrDataUrl } from './enrolment-qr'

/** A code on screen: for a new tablet (`label` its optional name) or to re-enrol `deviceName`. */
export type ShownEnrolment = EnrolmentCodeResponse & { label: string; qr: string; deviceName?: string }

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

  async function issue(request: CreateEnrolmentCodeRequest, shown: { label: string; deviceName?: string }): Promise<string | null> {
    const result = await attempt(async () => {
      const issued = await api.createEnrolmentCode(request)
      return { ...issued, ...shown, qr: await enrolmentQrDataUrl(issued.link) }
    })
    if (!result.ok) return result.error.code
    enrolment.value = result.value
    return null
  }

  /** Issues a one-time code (24 h) that enrols a new tablet only, with its link as a QR; returns an error code or null. */
  async function enrol(label: string): Promise<string | null> {
    const trimmed = label.trim()
    return issue(trimmed ? { label: trimmed } : {}, { label: trimmed })
  }

  /** Issues a code that re-enrols this tablet only (same device id, its queue kept); returns an error code or null. */
  async function reenrol(device: Device, name: string): Promise<string | null> {
    return issue({ deviceId: device.id }, { label: '', deviceName: name })
  }

  /** A revoked tablet may enrol again (with a code issued for it); returns an error code or null. */
  async function restore(id: string): Promise<string | null> {
    const result = await attempt(() => api.restoreDevice(id))
    if (!result.ok) return result.error.code
    await load()
    return null
  }

  /** Revokes a tablet's token (it can no longer sync), then reloads the list; returns an error code or null. */
  async function revoke(id: string): Promise<string | null> {
    const result = await attempt(() => api.revokeDevice(id))
    if (!result.ok) return result.error.code
    await load()
    return null
  }

  return { devices, loadError, enrolment, load, enrol, reenrol, revoke, restore }
})
