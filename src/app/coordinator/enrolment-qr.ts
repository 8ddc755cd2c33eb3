/**
 * The enrolment link as an SVG QR code in a data: URL, for an <img> (the CSP allows img
 * data:, and no v-html is needed). qrcode is imported here, on demand, so it stays out of
 * every chunk but the one that draws the code.
 */
export async function enrolmentQrDataUrl(link: string): Promise<string> {
  const { toString } = await import('qrcode')
  const svg = await toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
