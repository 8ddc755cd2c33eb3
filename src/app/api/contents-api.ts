import {
  contentsResponseSchema, eventCodesResponseSchema, uploadedMediaSchema, type saveContentRequestSchema,
} from '../../shared/content-protocol'
import { contentDocumentSchema } from '../../shared/contents'
import { kitDocumentSchema } from '../../shared/records'
import type { z } from 'zod'
import type { updateKitRequestSchema } from '../../shared/admin-protocol'
import { createHttp } from './http'

/** The coordinator's calls for the content catalogue, thumbnails, kits' contents and event codes. */
const request = createHttp({ credentials: 'same-origin' })
const id = encodeURIComponent
const ADMIN = '/api/v1/admin'

type ContentInput = z.input<typeof saveContentRequestSchema>
type KitUpdate = z.input<typeof updateKitRequestSchema>

export const listContents = () => request({ method: 'GET', path: `${ADMIN}/contents`, read: (a) => contentsResponseSchema.parse(a).contents })
export const createContent = (body: ContentInput) => request({ method: 'POST', path: `${ADMIN}/contents`, body, read: (a) => contentDocumentSchema.parse(a) })
/** With the version the coordinator edited: 409 version_conflict if the server moved on. */
export const updateContent = (contentId: string, content: ContentInput, version: number) =>
  request({ method: 'PUT', path: `${ADMIN}/contents/${id(contentId)}`, body: { content, version }, read: (a) => contentDocumentSchema.parse(a) })
export const retireContent = (contentId: string) =>
  request({ method: 'POST', path: `${ADMIN}/contents/${id(contentId)}/retire`, read: (a) => contentDocumentSchema.parse(a) })

/** 201 the stored file's name; 400 bad_image (details say why), 413 body_too_large. */
export const uploadThumbnail = (file: Blob) => request({ method: 'POST', path: `${ADMIN}/media`, bytes: file, read: (a) => uploadedMediaSchema.parse(a) })

/** Changes a kit (here: which contents it carries, in order). */
export const updateKit = (kitId: string, body: KitUpdate) => request({ method: 'PUT', path: `${ADMIN}/kits/${id(kitId)}`, body, read: (a) => kitDocumentSchema.parse(a) })

/** The event's tracked links with their scans and feedback. */
export const listEventCodes = (eventId: string) =>
  request({ method: 'GET', path: `${ADMIN}/events/${id(eventId)}/codes`, read: (a) => eventCodesResponseSchema.parse(a).codes })
