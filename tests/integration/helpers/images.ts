import { PNG } from 'pngjs'

/** A real PNG of the given size (a flat colour): what a coordinator's thumbnail looks like to the server. */
export function pngOf(width: number, height: number): Buffer {
  const png = new PNG({ width, height })
  png.data.fill(0x66)
  return PNG.sync.write(png)
}

export const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script></svg>')
