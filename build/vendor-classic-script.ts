import { createHash } from 'node:crypto'
import { analyze } from 'eslint-scope'
import type { OutputBundle, OutputChunk } from 'rolldown'
import type { Plugin } from 'vite'

/*
 * Why (docs/performance.md, "Offline relaunch"): Chromium keeps V8's code cache for a script
 * the service worker answers from CacheStorage, but on a relaunch it only ever uses it for
 * classic scripts. For a module script it produces a cache and writes it next to the response
 * each time, and then parses the script again anyway (bench/code-cache-probe.ts shows both).
 * The `vendor` chunk (Vue, vue-router, vue-i18n, Pinia, Dexie) is most of what a relaunch
 * parses, so it ships twice:
 * - `vendor-classic-<hash>.js`, a classic script: the chunk's code in a function, with the
 *   runtime helpers it imports inlined, leaving its exports in a global object. The HTML runs
 *   it (`defer`) right before the app's module script.
 * - the chunk itself, now a module of one line that re-exports that object's members under the
 *   names the other chunks import.
 * A re-export copies each value once, where a module export is a live binding: the build fails
 * if any exported binding is assigned after its declaration, which would make the two differ.
 */

export const VENDOR_GLOBAL = 'corner.vendor'

interface Node {
  type: string
  start: number
  end: number
  [key: string]: unknown
}
interface Specifier extends Node {
  local: { name: string }
  imported?: { name: string; value?: string }
  exported?: { name: string; value?: string }
}
interface ModuleShape {
  /** `import { r as e } from './x.js'` → [['./x.js', 'r', 'e']] */
  imports: [string, string, string][]
  /** `export { a as b }` → [['a', 'b']] */
  exports: [string, string][]
  /** The code without its import and export statements, `import.meta` renamed. */
  body: string
}

const nameOf = (id: { name: string; value?: string } | undefined) => String(id?.name ?? id?.value)

/** Every `import.meta` in the program (a plain walk: the chunk is minified, never huge). */
function metaProperties(node: unknown, found: Node[] = []): Node[] {
  if (Array.isArray(node)) for (const child of node) metaProperties(child, found)
  else if (node && typeof node === 'object') {
    const n = node as Node
    if (n.type === 'MetaProperty' && (n.meta as { name: string }).name === 'import') found.push(n)
    else for (const [key, value] of Object.entries(n)) if (key !== 'parent' && value && typeof value === 'object') metaProperties(value, found)
  }
  return found
}

/** Splits a rendered ES chunk into its imports, exports and the rest, refusing any other shape. */
export function moduleShape(code: string, program: { body: Node[] }, meta = '__cornerImportMeta'): ModuleShape {
  const imports: ModuleShape['imports'] = []
  const exports: ModuleShape['exports'] = []
  const cuts: [number, number, string][] = []
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      const source = (statement.source as { value: string }).value
      for (const s of statement.specifiers as Specifier[]) {
        if (s.type !== 'ImportSpecifier') throw new Error(`vendor-classic-script: unsupported import (${s.type})`)
        imports.push([source, nameOf(s.imported), s.local.name])
      }
      cuts.push([statement.start, statement.end, ''])
    } else if (statement.type === 'ExportNamedDeclaration' && !statement.declaration && !statement.source) {
      for (const s of statement.specifiers as Specifier[]) exports.push([nameOf(s.local as Specifier['imported']), nameOf(s.exported)])
      cuts.push([statement.start, statement.end, ''])
    } else if (/^Export/.test(statement.type)) {
      throw new Error(`vendor-classic-script: unsupported export (${statement.type})`)
    }
  }
  for (const node of metaProperties(program.body)) cuts.push([node.start, node.end, meta])
  cuts.sort((a, b) => b[0] - a[0])
  let body = code
  for (const [start, end, text] of cuts) body = body.slice(0, start) + text + body.slice(end)
  return { imports, exports, body }
}

/** eslint-scope reads `range`; the parser gives `start` and `end`. */
function addRanges(node: unknown): void {
  if (Array.isArray(node)) for (const child of node) addRanges(child)
  else if (node && typeof node === 'object') {
    const n = node as Node
    if (typeof n.start === 'number' && typeof n.end === 'number') n.range = [n.start, n.end]
    for (const [key, value] of Object.entries(n)) if (key !== 'parent' && key !== 'range' && value && typeof value === 'object') addRanges(value)
  }
}

/** Exported bindings written after their declaration (a copy of them would go stale). */
export function reassignedExports(program: object, exported: string[]): string[] {
  addRanges(program)
  const manager = analyze(program as Parameters<typeof analyze>[0], { ecmaVersion: 2022, sourceType: 'module' })
  const moduleScope = manager.globalScope?.childScopes.find((scope) => scope.type === 'module')
  if (!moduleScope) throw new Error('vendor-classic-script: no module scope')
  return exported.filter((name) => {
    const variable = moduleScope.set.get(name)
    if (!variable) throw new Error(`vendor-classic-script: exported ${name} is not declared at the top level`)
    return variable.references.some((ref) => ref.isWrite() && !ref.init)
  })
}

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 8)

/** The classic script: the runtime chunks it imports, then the chunk's code, then its exports in a global. */
export function classicScript(vendor: ModuleShape, dependencies: Map<string, ModuleShape>): string {
  const lines = ['(function(){"use strict";', 'var __cornerImportMeta={url:document.currentScript.src};']
  for (const [source, dependency] of dependencies) {
    if (dependency.imports.length) throw new Error(`vendor-classic-script: ${source} imports other chunks`)
    const object = dependency.exports.map(([local, name]) => `${JSON.stringify(name)}:${local}`).join(',')
    lines.push(`var ${dependencyVar(source)}=(function(){${dependency.body}\nreturn{${object}}})();`)
  }
  const bindings = vendor.imports.map(([source, imported, local]) => `${local}=${dependencyVar(source)}[${JSON.stringify(imported)}]`)
  if (bindings.length) lines.push(`var ${bindings.join(',')};`)
  lines.push(vendor.body)
  const exported = vendor.exports.map(([local, name]) => `${JSON.stringify(name)}:${local}`).join(',')
  lines.push(`globalThis[Symbol.for(${JSON.stringify(VENDOR_GLOBAL)})]=Object.freeze({${exported}});`, '})();')
  return lines.join('\n')
}

const dependencyVar = (source: string) => `__cornerChunk_${hash(source).replace(/-/g, '_')}`

/** The module that stands in for the chunk: the classic script's exports, under the same names. */
export function reExportModule(exported: string[]): string {
  const names = exported.map((name, i) => `${name}:__e${i}`)
  return [
    `const __v=globalThis[Symbol.for(${JSON.stringify(VENDOR_GLOBAL)})];`,
    `if(!__v)throw Error("the vendor classic script did not run");`,
    `const{${names.join(',')}}=__v;`,
    `export{${exported.map((name, i) => `__e${i} as ${name}`).join(',')}};`,
  ].join('\n')
}

export function vendorClassicScript(chunkName = 'vendor'): Plugin {
  return {
    name: 'corner:vendor-classic-script',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle: OutputBundle) {
        const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk')
        const vendor = chunks.find((chunk) => chunk.name === chunkName && !chunk.isEntry)
        if (!vendor) throw new Error(`vendor-classic-script: no ${chunkName} chunk`)
        const html = bundle['index.html']
        if (!html || html.type !== 'asset') throw new Error('vendor-classic-script: index.html is not in the bundle yet')
        const program = this.parse(vendor.code) as unknown as { body: Node[] }
        const shape = moduleShape(vendor.code, program)
        const stale = reassignedExports(program, shape.exports.map(([local]) => local))
        if (stale.length) throw new Error(`vendor-classic-script: exports assigned after their declaration: ${stale.join(', ')}`)
        const dependencies = new Map<string, ModuleShape>()
        for (const [source] of shape.imports) {
          if (dependencies.has(source)) continue
          const file = chunks.find((chunk) => `./${chunk.fileName.split('/').pop()}` === source)
          if (!file) throw new Error(`vendor-classic-script: ${source} is not a chunk of the bundle`)
          dependencies.set(source, moduleShape(file.code, this.parse(file.code) as unknown as { body: Node[] }))
        }
        const source = classicScript(shape, dependencies)
        const fileName = vendor.fileName.replace(/[^/]*$/, `${chunkName}-classic-${hash(source)}.js`)
        this.emitFile({ type: 'asset', fileName, source })
        vendor.code = reExportModule(shape.exports.map(([, name]) => name))
        // Right before the app's module script (after the launch script): deferred classic and
        // module scripts run in document order, so the global is set before the app imports it.
        const text = String(html.source)
        const app = text.lastIndexOf('<script type="module"')
        if (app < 0) throw new Error('vendor-classic-script: no module script in index.html')
        html.source = `${text.slice(0, app)}<script defer src="/${fileName}"></script>\n    ${text.slice(app)}`
      },
    },
  }
}
