import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  createSurveyRequestSchema, publishSurveyRequestSchema, saveSurveyDraftRequestSchema, SURVEY_FILE_MAX_BYTES, surveyDetailSchema, surveyFileSchema, surveysResponseSchema,
} from '../../shared/survey-protocol.js'
import { perAccount } from '../http/rate-limits.js'
import { errors, idParams, sessionSecurity } from '../http/route-schemas.js'
import { createSurvey, exportSurvey, getSurvey, listSurveys, publishSurvey, saveDraft } from './surveys-service.js'

/** /api/v1/admin/surveys: authoring, publishing, files between agencies. */
export const surveysRoutes: FastifyPluginAsyncZod = async (app) => {
  const security = sessionSecurity
  const config = perAccount(app.rateLimits)
  const now = () => app.clock()

  app.get('/surveys', {
    config, schema: { summary: 'All surveys, published or draft', security, response: { 200: surveysResponseSchema, ...errors(401, 429) } },
  }, async () => ({ surveys: await listSurveys(app.db) }))

  app.get('/surveys/:id', {
    config, schema: { summary: 'A survey: its published revision and its draft', security, params: idParams, response: { 200: surveyDetailSchema, ...errors(401, 404, 429) } },
  }, async (request) => getSurvey(app.db, request.params.id))

  app.post('/surveys', {
    config,
    schema: { summary: 'Create a survey (a draft, translations may be missing: tablets see it once published)', security, body: createSurveyRequestSchema, response: { 201: surveyDetailSchema, ...errors(400, 401, 403, 415, 429) } },
  }, async (request, reply) => reply.code(201).send(await createSurvey(app.db, request.body, now())))

  app.put('/surveys/:id/draft', {
    config,
    schema: {
      summary: 'Save the draft of a survey (409 draft_conflict if it changed since the editor opened it)', security,
      params: idParams, body: saveSurveyDraftRequestSchema, response: { 200: surveyDetailSchema, ...errors(400, 401, 403, 404, 409, 415, 429) },
    },
  }, async (request) => saveDraft(app.db, request.params.id, request.body.draft, request.body.expectedDraftVersion, now()))

  app.post('/surveys/:id/publish', {
    config,
    schema: {
      summary: 'Publish the draft as the next revision, every text translated (responses keep the revision they were taken with)', security,
      params: idParams, body: publishSurveyRequestSchema, response: { 200: surveyDetailSchema, ...errors(400, 401, 403, 404, 409, 415, 429) },
    },
  }, async (request) => publishSurvey(app.db, request.params.id, { revision: request.body.expectedRevision, draftVersion: request.body.expectedDraftVersion }, now()))

  app.get('/surveys/:id/export', {
    config, schema: { summary: 'The survey as a file (JSON) for another agency', security, params: idParams, response: { 200: surveyFileSchema, ...errors(401, 404, 429) } },
  }, async (request, reply) => {
    reply.header('content-disposition', `attachment; filename="survey-${request.params.id}.json"`)
    return exportSurvey(app.db, request.params.id)
  })

  app.post('/surveys/import', {
    config,
    bodyLimit: SURVEY_FILE_MAX_BYTES,
    schema: { summary: 'Import a survey file as a new draft (checked in full; a bad file changes nothing)', security, body: surveyFileSchema, response: { 201: surveyDetailSchema, ...errors(400, 401, 403, 413, 415, 429) } },
  }, async (request, reply) => reply.code(201).send(await createSurvey(app.db, request.body.survey, now())))
}
