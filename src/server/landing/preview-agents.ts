/**
 * Link-preview and crawler agents (chat apps unfurling a shared link, social networks, search
 * engines): they get the page but are not counted. Decided per request; nothing about them is kept.
 */
const PREVIEW_AGENTS = /facebookexternalhit|facebot|whatsapp|twitterbot|slackbot|slack-imgproxy|telegrambot|linkedinbot|discordbot|skypeuripreview|pinterest|redditbot|applebot|googlebot|google-inspectiontool|bingbot|yandex|duckduckbot|baiduspider|embedly|iframely|vkshare|viber|snapchat|line\/|kakaotalk|preview|bot\b|crawler|spider|curl\/|wget\/|python-requests|go-http-client|headlesschrome/i

export function isPreviewAgent(userAgent: string | undefined): boolean {
  return !userAgent || PREVIEW_AGENTS.test(userAgent)
}
