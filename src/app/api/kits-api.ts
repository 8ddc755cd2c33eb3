import { kitFileSchema, kitsResponseSchema, type UpdateKitRequest } from '../../shared/admin-protocol'
import { contentsResponseSchema } from '../../shared/content-protocol'
import { kitDocumentSchema } from '../../shared/records'
import { surveysResponseSchema } from '../../shared/survey-protocol'
import { createHttp } from './http'

/** The coordinator's kits: list, change, duplicate, and kit files between agencies. */
const request = createHttp({ credentials: 'same-origin' })
const KITS = '/api/v1/admin/kits'
const id = encodeURIComponent
const readKit = (body: unknown) => kitDocumentSchema.parse(body)

export const listKits = () => request({ method: 'GET', path: KITS, read: (body) => kitsResponseSchema.parse(body).kits })
/** Sends the version edited: 409 version_conflict when someone changed the kit meanwhile. */
export const updateKit = (kitId: string, body: UpdateKitRequest) =>
  request({ method: 'PUT', path: `${KITS}/${id(kitId)}`, body, read: readKit })
export const duplicateKit = (kitId: string, name: string) =>
  request({ method: 'POST', path: `${KITS}/${id(kitId)}/duplicate`, body: { name }, read: readKit })
export const exportKit = (kitId: string) =>
  request({ method: 'GET', path: `${KITS}/${id(kitId)}/export`, read: (body) => kitFileSchema.parse(body) })
/** The file as it was read: the server validates it in full and answers with its error codes. */
export const importKit = (file: unknown) => request({ method: 'POST', path: `${KITS}/import`, body: file, read: readKit })

/** Published surveys and live contents a kit may offer. */
export const listSurveys = () =>
  request({ method: 'GET', path: '/api/v1/admin/surveys', read: (body) => surveysResponseSchema.parse(body).surveys })
export const listContents = () =>
  request({ method: 'GET', path: '/api/v1/admin/contents', read: (body) => contentsResponseSchema.parse(body).contents })
