import jsQR from 'jsqr'
import type { Locator } from 'playwright-core'
import { PNG } from 'pngjs'

/**
 * What a QR code on screen says, read by an independent decoder (jsQR) from a screenshot of
 * the rendered element: the pixels a phone camera would see, not the text we asked qrcode for.
 */
export async function decodeQr(element: Locator): Promise<string | undefined> {
  await element.scrollIntoViewIfNeeded()
  const png = PNG.sync.read(await element.screenshot())
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data
}
