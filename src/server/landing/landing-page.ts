import { createHash } from 'node:crypto'
import type { Content } from '../../shared/contents.js'
import { direction, LANDING_TEXTS, LANGUAGE_NAMES, type LandingTexts } from './landing-texts.js'

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

/** System fonts and one small stylesheet inline: the whole page is one response of a few kilobytes. */
const STYLE = `*{box-sizing:border-box}body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans SC",sans-serif;color:#1a1a1a;background:#f5f7fa}
header{background:#0066cc;color:#fff;padding:.75rem 1rem;font-weight:700}main{max-width:32rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}.message{font-size:1.125rem}.card{background:#fff;border-radius:.5rem;padding:1rem;margin:1rem 0;box-shadow:0 1px 3px rgba(0,0,0,.15)}
.go{display:block;text-align:center;background:#0066cc;color:#fff;padding:.9rem 1rem;border-radius:.5rem;font-weight:700;text-decoration:none;min-height:44px}
.go:focus,button:focus,a:focus{outline:3px solid #ffbf47;outline-offset:2px}.small{font-size:.9375rem;color:#404040}
form{display:flex;gap:.75rem;flex-wrap:wrap;align-items:center}fieldset{border:0;margin:0;padding:0}legend{font-weight:700;margin-bottom:.5rem}
button{font:inherit;font-weight:700;min-width:6rem;min-height:44px;padding:.5rem 1rem;border:2px solid #0066cc;border-radius:.5rem;background:#fff;color:#004c99;cursor:pointer}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:0}nav a{display:inline-block;min-height:44px;padding:.6rem .5rem;color:#004c99}
nav a[aria-current]{font-weight:700;color:#1a1a1a;text-decoration:none}.thanks{font-weight:700;color:#006100}`

/** Its own policy: nothing but this inline style (by hash) and first-party forms and links. */
export const LANDING_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

function layout(language: string, title: string, texts: LandingTexts, body: string, languages: readonly string[], selfPath: string): string {
  const switcher = languages.length > 1
    ? `<nav aria-label="${escape(texts.language)}"><ul>${languages.map((l) =>
      `<li><a href="${selfPath}?lang=${l}" lang="${l}" hreflang="${l}"${l === language ? ' aria-current="true"' : ''}>${escape(LANGUAGE_NAMES[l] ?? l)}</a></li>`).join('')}</ul></nav>`
    : ''
  return `<!doctype html><html lang="${language}" dir="${direction(language)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">
<title>${escape(title)}</title><style>${STYLE}</style></head><body><header>${escape(texts.agency)}</header><main>${switcher}${body}</main></body></html>`
}

export interface LandingView {
  code: string
  content: Content
  language: string
  hasSurvey: boolean
  thanked: boolean
}

export function renderLanding(view: LandingView): string {
  const texts = LANDING_TEXTS[view.language] ?? LANDING_TEXTS.it!
  const { content, language, code } = view
  const title = content.title[language] ?? content.title[content.defaultLanguage] ?? ''
  const message = content.message[language] ?? content.message[content.defaultLanguage] ?? ''
  const feedback = view.thanked
    ? `<p class="thanks" role="status">${escape(texts.useful.thanks)}</p>`
    : `<form method="post" action="/q/${code}/feedback"><fieldset><legend>${escape(texts.useful.question)}</legend>
<input type="hidden" name="lang" value="${language}"><button name="useful" value="yes">${escape(texts.useful.yes)}</button> <button name="useful" value="no">${escape(texts.useful.no)}</button></fieldset></form>`
  const body = `<h1>${escape(title)}</h1><p class="message">${escape(message)}</p>
<p><a class="go" href="${escape(content.url)}" rel="noopener noreferrer" target="_blank">${escape(texts.open[content.platform])}</a></p><p class="small">${escape(texts.external)}</p>
<div class="card">${feedback}</div>
${view.hasSurvey ? `<p><a href="/s/${code}?lang=${language}">${escape(texts.survey)}</a></p>` : ''}
<p class="small">${escape(texts.privacy)}</p>`
  const languages = content.languages.filter((l) => l in LANDING_TEXTS)
  return layout(language, title, texts, body, languages, `/q/${code}`)
}

export function renderNotFound(language: string): string {
  const texts = LANDING_TEXTS[language] ?? LANDING_TEXTS.it!
  const body = `<h1>${escape(texts.notFound.title)}</h1><p>${escape(texts.notFound.text)}</p>
<p><a class="go" href="https://www.ats-milano.it/" rel="noopener noreferrer">${escape(texts.notFound.link)}</a></p>`
  return layout(language, texts.notFound.title, texts, body, [], '')
}

export function renderTooMany(language: string): string {
  const texts = LANDING_TEXTS[language] ?? LANDING_TEXTS.it!
  return layout(language, texts.tooMany.title, texts, `<h1>${escape(texts.tooMany.title)}</h1><p>${escape(texts.tooMany.text)}</p>`, [], '')
}
