import type { Survey } from '../../shared/surveys'
import { db } from './db'

/** The surveys this tablet holds (latest pulled revision of each), by id; read-only, works offline. */
export async function getSurveys(ids: readonly string[]): Promise<Survey[]> {
  const found = await db.surveys.bulkGet([...new Set(ids)])
  return found.filter((survey): survey is Survey => survey !== undefined)
}
