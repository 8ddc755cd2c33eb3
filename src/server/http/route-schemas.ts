import { z } from 'zod'
import { apiErrorSchema } from '../../shared/sync-protocol.js'

/** Error answers, named once so every route documents the ones it can give. */
export const errors = <S extends number>(...statuses: S[]) =>
  Object.fromEntries(statuses.map((s) => [s, apiErrorSchema])) as Record<S, typeof apiErrorSchema>

/** A path `:id`; anything else is answered 404 by the error handler, as an unknown resource. */
export const idParams = z.strictObject({ id: z.uuid() })

/** Bodiless state-changing calls still send JSON (`{}`), so the same-origin guard can insist on it. */
export const emptyBody = z.strictObject({}).optional()

export const noContent = z.null().describe('No content')

export const deviceSecurity = [{ deviceToken: [] }]
export const sessionSecurity = [{ session: [] }]
