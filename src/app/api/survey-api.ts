import type { z } from 'zod'
import { kitDocumentSchema } from '../../shared/records'
import type { UpdateKitRequest } from '../../shared/admin-protocol'
import { surveyDetailSchema, surveyFileSchema, surveysResponseSchema, type SurveyFile } from '../../shared/survey-protocol'
import type { SurveyDraftContent } from '../../shared/surveys'
import { createHttp } from './http'

/** Survey authoring calls of the coordinator area (session cookie, same origin only). */
const request = createHttp({ credentials: 'same-origin' })

const call = <S extends z.ZodType>(schema: S, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
  request({ method, path, body, read: (answer): z.output<S> => schema.parse(answer) })
const id = encodeURIComponent
const SURVEYS = '/api/v1/admin/surveys'

export const listSurveys = async () => (await call(surveysResponseSchema, 'GET', SURVEYS)).surveys
export const getSurvey = (surveyId: string) => call(surveyDetailSchema, 'GET', `${SURVEYS}/${id(surveyId)}`)
/** A new survey is a draft (translations may be missing): tablets see nothing of it until it is published. */
export const createSurvey = (draft: SurveyDraftContent) => call(surveyDetailSchema, 'POST', SURVEYS, draft)
/** Saves over the draft opened at `expectedDraftVersion`; 409 draft_conflict (nothing overwritten) if it changed since. */
export const saveSurveyDraft = (surveyId: string, draft: SurveyDraftContent, expectedDraftVersion: number) =>
  call(surveyDetailSchema, 'PUT', `${SURVEYS}/${id(surveyId)}/draft`, { expectedDraftVersion, draft })
/**
 * The draft becomes revision `expectedRevision + 1`; 409 revision_conflict or draft_conflict if
 * someone published or saved meanwhile, 400 incomplete_translation (with each missing text) if a text lacks a language.
 */
export const publishSurvey = (surveyId: string, expectedRevision: number, expectedDraftVersion: number) =>
  call(surveyDetailSchema, 'POST', `${SURVEYS}/${id(surveyId)}/publish`, { expectedRevision, expectedDraftVersion })
export const exportSurvey = (surveyId: string) => call(surveyFileSchema, 'GET', `${SURVEYS}/${id(surveyId)}/export`)
/**
 * Sends a parsed file as it is (never reshaped here): the server checks it in full and answers
 * invalid_body with the path of each problem; a refused file creates nothing.
 */
export const importSurvey = (file: unknown) => call(surveyDetailSchema, 'POST', `${SURVEYS}/import`, file as SurveyFile)

/** PUT a kit at the version read (409 version_conflict if it moved on); `surveyIds` must be published surveys. */
export const updateKit = (kitId: string, body: UpdateKitRequest) => call(kitDocumentSchema, 'PUT', `/api/v1/admin/kits/${id(kitId)}`, body)
