import { createHash } from 'node:crypto'
import { Script } from 'node:vm'
import { analyze } from 'eslint-scope'
import type { OutputBundle, OutputChunk } from 'rolldown'
import type { Plugin } from 'vite'

/*
 * Why (docs/performance.md, "Offline relaunch"): Chromium keeps V8's code cache for a script
 * the service worker answers from CacheStorage, but on a relaunch it only ever uses it for
 * classic scripts. For a module script it produces a cache and writes it next to the response
 * each time, and then parses the script again anyway (bench/code-cache-probe.ts shows both).
 * So the chunks of the first view (the launch script, the runtime helpers, `vendor`, the entry
 * and what it imports statically) also ship as classic scripts, run `defer` in dependency order
 * from the HTML, which loads no module script any more:
 * - `launch-classic-<hash>.js`, the launch script alone, first (its head start);
 * - `app-classic-<hash>.js`, every other chunk of the first view, each in a function of its
 *   own, reading its imports from the chunks before it.
 * Each chunk leaves its exports, frozen, in a global keyed by its file name, and the chunk's
 * own file becomes a one-line module re-exporting that global's members under the same names:
 * the lazy chunks import it unchanged. A re-export copies each value once where a module
 * export is a live binding: the build fails if any exported binding is assigned after its
 * declaration, which would make the two differ.
 */

/** The global (`Symbol.for`) a converted chunk's exports are left in. */
export const chunkKey = (fileName: string) => `corner.chunk:${fileName}`

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
        if (s.type !== 'ImportSpecifier') throw new Error(`first-view-classic-scripts: unsupported import (${s.type})`)
        imports.push([source, nameOf(s.imported), s.local.name])
      }
      cuts.push([statement.start, statement.end, ''])
    } else if (statement.type === 'ExportNamedDeclaration' && !statement.declaration && !statement.source) {
      for (const s of statement.specifiers as Specifier[]) exports.push([nameOf(s.local as Specifier['imported']), nameOf(s.exported)])
      cuts.push([statement.start, statement.end, ''])
    } else if (/^Export/.test(statement.type)) {
      throw new Error(`first-view-classic-scripts: unsupported export (${statement.type})`)
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
  if (!moduleScope) throw new Error('first-view-classic-scripts: no module scope')
  return exported.filter((name) => {
    const variable = moduleScope.set.get(name)
    if (!variable) throw new Error(`first-view-classic-scripts: exported ${name} is not declared at the top level`)
    return variable.references.some((ref) => ref.isWrite() && !ref.init)
  })
}

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 8)

/** A chunk to run from a classic script: its file name and its split code. */
export interface ClassicChunk {
  fileName: string
  shape: ModuleShape
}

/** `./x.js` imported from `assets/y.js` → `assets/x.js` (chunks import each other by relative path). */
export function importedFile(from: string, source: string): string {
  const url = new URL(source, `https://chunk.invalid/${from}`)
  if (url.origin !== 'https://chunk.invalid') throw new Error(`first-view-classic-scripts: ${from} imports ${source}`)
  return url.pathname.slice(1)
}

/**
 * One classic script running `chunks` in order, each in a function of its own: its imports come
 * from the chunks before it (in this script or in a classic script that ran earlier), its
 * `import.meta.url` is its own file's URL, and its exports are left in its global.
 */
export function classicScript(chunks: ClassicChunk[]): string {
  const lines = ['(function(){"use strict";', 'var __cornerBase=document.currentScript.src;']
  const inScript = new Map<string, string>()
  chunks.forEach(({ fileName, shape }, i) => {
    const bindings = shape.imports.map(([source, imported, local]) => {
      const file = importedFile(fileName, source)
      const from = inScript.get(file) ?? `globalThis[Symbol.for(${JSON.stringify(chunkKey(file))})]`
      return `${local}=${from}[${JSON.stringify(imported)}]`
    })
    const meta = `var __cornerImportMeta={url:new URL(${JSON.stringify(fileName.split('/').pop())},__cornerBase).href};`
    const exported = shape.exports.map(([local, name]) => `${JSON.stringify(name)}:${local}`).join(',')
    const name = `__cornerChunk${i}`
    lines.push(`var ${name}=(function(){${meta}${bindings.length ? `var ${bindings.join(',')};` : ''}`, shape.body, `\nreturn Object.freeze({${exported}})})();`)
    lines.push(`globalThis[Symbol.for(${JSON.stringify(chunkKey(fileName))})]=${name};`)
    inScript.set(fileName, name)
  })
  lines.push('})();')
  return lines.join('\n')
}

/** Throws when `source` does not compile as a classic script. */
export function checkClassicSyntax(source: string): void {
  try {
    new Script(source)
  } catch (error) {
    throw new Error(`first-view-classic-scripts: the classic script does not compile: ${(error as Error).message}`, { cause: error })
  }
}

/** The module that stands in for a converted chunk: its global's members, under the same names. */
export function reExportModule(fileName: string, exported: string[]): string {
  const names = exported.map((name, i) => `${JSON.stringify(name)}:__e${i}`)
  return [
    `const __v=globalThis[Symbol.for(${JSON.stringify(chunkKey(fileName))})];`,
    `if(!__v)throw Error(${JSON.stringify(`the classic script of ${fileName} did not run`)});`,
    `const{${names.join(',')}}=__v;`,
    `export{${exported.map((name, i) => `__e${i} as ${name}`).join(',')}};`,
  ].join('\n')
}

/** The entry's static imports, dependencies first (a chunk after every chunk it imports). */
export function staticClosure(entry: OutputChunk, chunks: Map<string, OutputChunk>): OutputChunk[] {
  const ordered: OutputChunk[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (chunk: OutputChunk) => {
    if (state.get(chunk.fileName) === 'done') return
    if (state.get(chunk.fileName) === 'visiting') throw new Error(`first-view-classic-scripts: import cycle through ${chunk.fileName}`)
    state.set(chunk.fileName, 'visiting')
    for (const file of chunk.imports) {
      const imported = chunks.get(file)
      if (!imported) throw new Error(`first-view-classic-scripts: ${chunk.fileName} imports ${file}, not a chunk`)
      visit(imported)
    }
    state.set(chunk.fileName, 'done')
    ordered.push(chunk)
  }
  visit(entry)
  return ordered
}

const SCRIPT_TAG = /<script type="module"[^>]*\ssrc="\/([^"]+)"[^>]*><\/script>\s*/g
const PRELOAD_TAG = /<link rel="modulepreload"[^>]*\shref="\/([^"]+)"[^>]*>\s*/g

/** The HTML without the module scripts and preloads of `converted`, and with `scripts` where the first one was. */
export function classicHtml(html: string, converted: Set<string>, scripts: string[]): string {
  const first = [...html.matchAll(SCRIPT_TAG)].find((match) => converted.has(match[1]!))
  if (!first) throw new Error('first-view-classic-scripts: no module script of the first view in index.html')
  const tags = scripts.map((file) => `<script defer src="/${file}"></script>\n    `).join('')
  const marked = `${html.slice(0, first.index)}<!--classic-->${html.slice(first.index)}`
  const drop = (match: string, file: string) => (converted.has(file) ? '' : match)
  return marked.replace(SCRIPT_TAG, drop).replace(PRELOAD_TAG, drop).replace('<!--classic-->', tags)
}

/**
 * `early`: chunks with a classic script of their own, run first (the launch script). Every
 * other chunk the `index.html` entry imports statically goes into `app-classic-<hash>.js`.
 */
export function firstViewClassicScripts(early: string[] = ['launch']): Plugin {
  return {
    name: 'corner:first-view-classic-scripts',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle: OutputBundle) {
        const chunks = new Map(
          Object.values(bundle)
            .filter((file): file is OutputChunk => file.type === 'chunk')
            .map((chunk) => [chunk.fileName, chunk]),
        )
        const html = bundle['index.html']
        if (!html || html.type !== 'asset') throw new Error('first-view-classic-scripts: index.html is not in the bundle yet')
        const entry = [...chunks.values()].find((chunk) => chunk.isEntry && chunk.facadeModuleId?.endsWith('/index.html'))
        if (!entry) throw new Error('first-view-classic-scripts: no entry chunk for index.html')
        const closure = staticClosure(entry, chunks)
        const groups = [closure.filter((chunk) => early.includes(chunk.name)), closure.filter((chunk) => !early.includes(chunk.name))]
        if (groups[0]!.some((chunk) => chunk.imports.length)) throw new Error('first-view-classic-scripts: an early chunk imports another chunk')
        const scripts: string[] = []
        for (const [i, group] of groups.entries()) {
          if (!group.length) continue
          const converted = group.map((chunk) => {
            const program = this.parse(chunk.code) as unknown as { body: Node[] }
            const shape = moduleShape(chunk.code, program)
            const stale = reassignedExports(program, shape.exports.map(([local]) => local))
            if (stale.length) throw new Error(`first-view-classic-scripts: ${chunk.fileName} assigns exports after their declaration: ${stale.join(', ')}`)
            return { fileName: chunk.fileName, shape }
          })
          const source = classicScript(converted)
          // Compiled, not run: a chunk that is valid only as a module (a top-level await, say)
          // fails the build here instead of the tablet's first screen.
          checkClassicSyntax(source)
          const fileName = `assets/${i === 0 ? group[0]!.name : 'app'}-classic-${hash(source)}.js`
          this.emitFile({ type: 'asset', fileName, source })
          scripts.push(fileName)
          for (const { fileName: file, shape } of converted) chunks.get(file)!.code = reExportModule(file, shape.exports.map(([, name]) => name))
        }
        html.source = classicHtml(String(html.source), new Set(closure.map((chunk) => chunk.fileName)), scripts)
      },
    },
  }
}
