// @vitest-environment node
import { runInNewContext } from 'node:vm'
import { parseAst } from 'vite'
import { describe, expect, it } from 'vitest'
import { classicScript, moduleShape, reassignedExports, reExportModule, VENDOR_GLOBAL } from '../../build/vendor-classic-script'

// A rendered vendor chunk in miniature: it imports helpers from a runtime chunk, uses
// import.meta, declares what it exports with `var`, `function`, `let` and `const`, and
// reuses an exported name in an inner scope (as minified code does).
const RUNTIME = 'var e=(n)=>n*2,t=(n)=>n+1;export{e as r,t};'
const VENDOR = [
  'import{r as e,t}from"./rolldown-runtime-X.js";',
  'var a=e(21);function b(){return t(a)}let c=`übel`;const d=new URL("x.js",import.meta.url).href;',
  'function f(){let a=0;a=5;return a}',
  'export{a as A,b as B,c as C,d as D,f as F};',
].join('')

const shape = (code: string) => moduleShape(code, parseAst(code) as unknown as Parameters<typeof moduleShape>[1])

describe('the vendor chunk as a classic script (build/vendor-classic-script.ts)', () => {
  it('splits a chunk into its imports, exports and the rest', () => {
    const vendor = shape(VENDOR)
    expect(vendor.imports).toEqual([
      ['./rolldown-runtime-X.js', 'r', 'e'],
      ['./rolldown-runtime-X.js', 't', 't'],
    ])
    expect(vendor.exports).toEqual([['a', 'A'], ['b', 'B'], ['c', 'C'], ['d', 'D'], ['f', 'F']])
    expect(vendor.body).not.toMatch(/\bimport\b|\bexport\b/)
    expect(vendor.body).toContain('übel')
  })

  it('runs as a classic script and leaves the same exports in the global object', () => {
    const source = classicScript(shape(VENDOR), new Map([['./rolldown-runtime-X.js', shape(RUNTIME)]]))
    const context = { document: { currentScript: { src: 'https://corner.test/assets/vendor-classic-1.js' } }, URL }
    const exports = runInNewContext(`${source}\nglobalThis[Symbol.for(${JSON.stringify(VENDOR_GLOBAL)})]`, context) as Record<string, unknown>
    expect(Object.keys(exports)).toEqual(['A', 'B', 'C', 'D', 'F'])
    expect(exports.A).toBe(42)
    expect((exports.B as () => number)()).toBe(43)
    expect(exports.C).toBe('übel')
    expect(exports.D).toBe('https://corner.test/assets/x.js')
    expect((exports.F as () => number)()).toBe(5)
    expect(Object.isFrozen(exports)).toBe(true)
  })

  it('refuses exports written after their declaration, not names shadowed in inner scopes', () => {
    const ok = parseAst(VENDOR)
    expect(reassignedExports(ok, ['a', 'b', 'c', 'd', 'f'])).toEqual([])
    const stale = 'let a=1;var b;function set(){a=2;b=3}set();export{a,b,set};'
    expect(reassignedExports(parseAst(stale), ['a', 'b', 'set'])).toEqual(['a', 'b'])
  })

  it('stands in for the chunk with a module re-exporting the global object under the same names', async () => {
    const key = Symbol.for(VENDOR_GLOBAL)
    const global = globalThis as unknown as Record<symbol, unknown>
    global[key] = Object.freeze({ A: 42, _t: 'x' })
    try {
      const module = (await import(`data:text/javascript,${encodeURIComponent(reExportModule(['A', '_t']))}`)) as Record<string, unknown>
      expect({ ...module }).toEqual({ A: 42, _t: 'x' })
    } finally {
      delete global[key]
    }
    await expect(import(`data:text/javascript,${encodeURIComponent(reExportModule(['B']) + '//2')}`)).rejects.toThrow(/classic script did not run/)
  })
})
