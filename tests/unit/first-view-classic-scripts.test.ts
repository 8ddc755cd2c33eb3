// @vitest-environment node
import { runInNewContext } from 'node:vm'
import { parseAst } from 'vite'
import { describe, expect, it } from 'vitest'
import { checkClassicSyntax, chunkKey, classicHtml, classicScript, importedFile, moduleShape, reassignedExports, reExportModule } from '../../build/first-view-classic-scripts'

// Rendered chunks in miniature: the vendor chunk imports helpers from the runtime chunk, uses
// import.meta, declares what it exports with `var`, `function`, `let` and `const`, and reuses an
// exported name in an inner scope (as minified code does); the entry imports from both and
// from the launch chunk, which runs from a classic script of its own.
const RUNTIME = 'var e=(n)=>n*2,t=(n)=>n+1;export{e as r,t};'
const VENDOR = [
  'import{r as e,t}from"./rolldown-runtime-X.js";',
  'var a=e(21);function b(){return t(a)}let c=`übel`;const d=new URL("x.js",import.meta.url).href;',
  'function f(){let a=0;a=5;return a}',
  'export{a as A,b as B,c as C,d as D,f as F};',
].join('')
const LAUNCH = 'const e={read:"early"};export{e as t};'
const ENTRY = 'import{A as a,B as b}from"./vendor-X.js";import{t as l}from"./launch-X.js";const m=a+b()+l.read;export{m as default};'

const shape = (code: string) => moduleShape(code, parseAst(code) as unknown as Parameters<typeof moduleShape>[1])
const chunk = (fileName: string, code: string) => ({ fileName, shape: shape(code) })

describe('the first view as classic scripts (build/first-view-classic-scripts.ts)', () => {
  it('splits a chunk into its imports, exports and the rest', () => {
    const vendor = shape(VENDOR)
    expect(vendor.imports).toEqual([
      ['./rolldown-runtime-X.js', 'r', 'e'],
      ['./rolldown-runtime-X.js', 't', 't'],
    ])
    expect(vendor.exports).toEqual([['a', 'A'], ['b', 'B'], ['c', 'C'], ['d', 'D'], ['f', 'F']])
    expect(vendor.body).not.toMatch(/\bimport\b|\bexport\b/)
    expect(vendor.body).toContain('übel')
    expect(importedFile('assets/index-X.js', './vendor-X.js')).toBe('assets/vendor-X.js')
  })

  it('fails the build for a chunk that only compiles as a module (a top-level await)', () => {
    const script = classicScript([chunk('assets/tla-X.js', 'const a=await Promise.resolve(1);export{a};')])
    expect(() => checkClassicSyntax(script)).toThrow(/does not compile/)
    expect(() => checkClassicSyntax(classicScript([chunk('assets/runtime-X.js', RUNTIME)]))).not.toThrow()
  })

  it('runs the chunks in order from classic scripts, each leaving its exports in its global', () => {
    const context = { document: { currentScript: { src: '' } }, URL }
    const run = (src: string, chunks: ReturnType<typeof chunk>[]) => {
      context.document.currentScript.src = src
      runInNewContext(classicScript(chunks), context)
    }
    run('https://corner.test/assets/launch-classic-1.js', [chunk('assets/launch-X.js', LAUNCH)])
    run('https://corner.test/assets/app-classic-1.js', [
      chunk('assets/rolldown-runtime-X.js', RUNTIME),
      chunk('assets/vendor-X.js', VENDOR),
      chunk('assets/index-X.js', ENTRY),
    ])
    const exportsOf = (file: string) => runInNewContext(`globalThis[Symbol.for(${JSON.stringify(chunkKey(file))})]`, context) as Record<string, unknown>
    const vendor = exportsOf('assets/vendor-X.js')
    expect(Object.keys(vendor)).toEqual(['A', 'B', 'C', 'D', 'F'])
    expect(vendor.A).toBe(42)
    expect((vendor.B as () => number)()).toBe(43)
    expect(vendor.C).toBe('übel')
    expect(vendor.D).toBe('https://corner.test/assets/x.js') // import.meta.url: the chunk's own file
    expect((vendor.F as () => number)()).toBe(5)
    expect(Object.isFrozen(vendor)).toBe(true)
    expect(exportsOf('assets/index-X.js').default).toBe('85early')
  })

  it('refuses exports written after their declaration, not names shadowed in inner scopes', () => {
    expect(reassignedExports(parseAst(VENDOR), ['a', 'b', 'c', 'd', 'f'])).toEqual([])
    const stale = 'let a=1;var b;function set(){a=2;b=3}set();export{a,b,set};'
    expect(reassignedExports(parseAst(stale), ['a', 'b', 'set'])).toEqual(['a', 'b'])
  })

  it('stands in for a chunk with a module re-exporting its global under the same names', async () => {
    const key = Symbol.for(chunkKey('assets/vendor-Y.js'))
    const global = globalThis as unknown as Record<symbol, unknown>
    global[key] = Object.freeze({ A: 42, _t: 'x', default: 1 })
    try {
      const module = (await import(`data:text/javascript,${encodeURIComponent(reExportModule('assets/vendor-Y.js', ['A', '_t', 'default']))}`)) as Record<string, unknown>
      expect({ ...module }).toEqual({ A: 42, _t: 'x', default: 1 })
    } finally {
      delete global[key]
    }
    await expect(import(`data:text/javascript,${encodeURIComponent(reExportModule('assets/vendor-Z.js', ['B']))}`)).rejects.toThrow(/classic script of assets\/vendor-Z\.js did not run/)
  })

  it('swaps the first view module scripts and preloads for the classic scripts, in their place', () => {
    const html = [
      '<link rel="icon" href="/icons/icon.svg">',
      '<script type="module" crossorigin src="/assets/launch-X.js"></script>',
      '<script type="module" crossorigin src="/assets/index-X.js"></script>',
      '<link rel="modulepreload" crossorigin href="/assets/vendor-X.js">',
      '<link rel="modulepreload" crossorigin href="/assets/other-X.js">',
      '<link rel="stylesheet" crossorigin href="/assets/index-X.css">',
    ].join('\n')
    const out = classicHtml(html, new Set(['assets/launch-X.js', 'assets/index-X.js', 'assets/vendor-X.js']), ['assets/launch-classic-1.js', 'assets/app-classic-1.js'])
    expect(out).toBe(
      [
        '<link rel="icon" href="/icons/icon.svg">',
        '<script defer src="/assets/launch-classic-1.js"></script>',
        '    <script defer src="/assets/app-classic-1.js"></script>',
        '    <link rel="modulepreload" crossorigin href="/assets/other-X.js">',
        '<link rel="stylesheet" crossorigin href="/assets/index-X.css">',
      ].join('\n'),
    )
  })
})
