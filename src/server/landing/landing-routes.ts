import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { QR_CODE_PATTERN } from '../../shared/qr-codes.js'
import { limitPerAddress } from '../http/rate-limits.js'
import { isPreviewAgent } from './preview-agents.js'
import { LANDING_CSP, renderLanding, renderNotFound, renderTooMany } from './landing-page.js'
import { countVisit, createCodeResolver } from './landing-service.js'
import { LANDING_LANGUAGES, pickLanguage } from './landing-texts.js'

type CodeRequest = FastifyRequest<{ Params: { code: string }; Querystring: { lang?: string; thanks?: string } }>

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  // No caching anywhere: a later edit of the content, or its retirement, shows at once (no 301s either).
  return reply.code(status).header('cache-control', 'no-store').header('content-security-policy', LANDING_CSP).type('text/html; charset=utf-8').send(html)
}

const browserLanguage = (request: FastifyRequest) => pickLanguage(undefined, request.headers['accept-language'], LANDING_LANGUAGES, 'it')

/**
 * /q/{code}: the page a visitor's phone opens from a QR code. Server-rendered, no script, no
 * cookie, no third-party request; counted as an aggregate (event, content, day, language).
 */
export async function landingRoutes(app: FastifyInstance): Promise<void> {
  const config = limitPerAddress(app.rateLimits.landingPerMinute)
  const resolveCode = createCodeResolver(app.db)
  // The feedback is a plain form post: a few bytes of URL-encoded fields.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))))
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.statusCode === 429) return sendHtml(reply, 429, renderTooMany(browserLanguage(request)))
    if (error.statusCode && error.statusCode < 500) return sendHtml(reply, error.statusCode, renderNotFound(browserLanguage(request)))
    request.log.error(error)
    return sendHtml(reply, 500, renderNotFound(browserLanguage(request)))
  })

  app.get('/q/:code', { config, schema: { hide: true } }, async (request: CodeRequest, reply) => {
    const { code } = request.params
    const landing = QR_CODE_PATTERN.test(code) ? await resolveCode(code) : undefined
    if (!landing) return sendHtml(reply, 404, renderNotFound(pickLanguage(request.query.lang, request.headers['accept-language'], LANDING_LANGUAGES, 'it')))
    const language = pickLanguage(request.query.lang, request.headers['accept-language'], landing.content.languages, landing.content.defaultLanguage)
    // A language switch or the page after feedback is the same visit: only arrivals count.
    const arrival = request.query.lang === undefined && request.query.thanks === undefined
    if (arrival && !isPreviewAgent(request.headers['user-agent'])) countVisit(app.linkCounts, landing, language, 'scan', app.clock())
    return sendHtml(reply, 200, renderLanding({ code, content: landing.content, language, hasSurvey: landing.hasSurvey, thanked: request.query.thanks === '1' }))
  })

  app.post('/q/:code/feedback', { config, schema: { hide: true } }, async (request: CodeRequest, reply) => {
    const { code } = request.params
    const landing = QR_CODE_PATTERN.test(code) ? await resolveCode(code) : undefined
    if (!landing) return sendHtml(reply, 404, renderNotFound(browserLanguage(request)))
    const form = (request.body ?? {}) as { useful?: string; lang?: string }
    const language = pickLanguage(form.lang, request.headers['accept-language'], landing.content.languages, landing.content.defaultLanguage)
    const origin = request.headers.origin
    // A malformed Origin is another site's (or a forger's): not counted, and no error for it.
    const sameSite = !origin || origin === 'null' || (URL.canParse(origin) && new URL(origin).host === request.host)
    if (sameSite && (form.useful === 'yes' || form.useful === 'no') && !isPreviewAgent(request.headers['user-agent'])) {
      countVisit(app.linkCounts, landing, language, form.useful === 'yes' ? 'useful' : 'not_useful', app.clock())
    }
    // 303: the browser follows with a GET, so a reload never posts twice.
    return reply.code(303).header('cache-control', 'no-store').header('location', `/q/${code}?lang=${language}&thanks=1`).send()
  })
}
