import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { build, defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import pkg from './package.json' with { type: 'json' }
import { webManifest } from './src/app/pwa/web-manifest'

/**
 * vue-i18n 11 reads `Vue.currentInstance` through `import * as Vue from 'vue'`, which keeps all
 * of Vue in the bundle (~15 KB gzip, past the 100 KB budget). Vue 3.5 has no such export, so
 * the lookup always falls back to getCurrentInstance(): call it directly.
 */
export function vueI18nNamedImport(): Plugin {
  return {
    name: 'corner:vue-i18n-named-import',
    enforce: 'pre',
    transform(code, id) {
      if (!/vue-i18n[\\/]dist[\\/].*\.mjs$/.test(id) || !code.includes('import * as Vue from')) return
      return code
        .replace("import * as Vue from 'vue';", "import { getCurrentInstance as vueCurrentInstance } from 'vue';")
        .replace(/const key = 'currentInstance';[\s\S]*?return Vue\.getCurrentInstance\(\);\s*}/, 'return vueCurrentInstance();')
    },
  }
}

const LAUNCH_SCRIPT = fileURLToPath(new URL('./src/app/boot/launch.ts', import.meta.url))

/**
 * What an offline relaunch waits for, asked for from the HTML (docs/performance.md, "Offline
 * relaunch"): src/app/boot/launch.ts, built on its own as one classic script and inlined at the
 * app's script's place, runs as soon as the parser meets it, with nothing to fetch: it reads
 * IndexedDB, paints the launch screen and then starts the app's script, which the HTML only
 * preloads (its imports' preloads held until the read has answered: src/app/boot/held-links.ts).
 * The server allows it by its hash (src/server/http/inline-scripts.ts). The fonts are
 * preloaded, so that the first layout uses them instead of looking up fallback fonts and laying
 * the page out again when they arrive.
 */
export function launchTags(): Plugin {
  let launch = ''
  return {
    name: 'corner:launch-tags',
    apply: 'build',
    async buildStart() {
      launch = await buildLaunchScript()
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const files = Object.values(bundle ?? {})
        const fonts = files.filter((file) => /titillium-web-latin-\d+-normal-[\w-]+\.woff2$/.test(file.fileName))
        // The app's script becomes a preload that the launch script turns into a script once its
        // read has answered (boot/launch.ts): fetched and compiled meanwhile, but not evaluated
        // while that read's answer would wait behind it.
        const app = html.match(/<script type="module" crossorigin src="(\/assets\/index-[\w-]+\.js)"><\/script>/)
        if (!app || app.index === undefined) throw new Error("corner:launch-tags: no app module script in index.html")
        const tags: HtmlTagDescriptor[] = fonts.map((font) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href: `/${font.fileName}` },
          injectTo: 'head',
        }))
        const script = `<script>${launch}</script>\n    `
        const entry = `<link rel="modulepreload" crossorigin href="${app[1]}" data-app-entry>`
        // Its imports' preloads are held until the launch read has answered (src/app/boot/held-links.ts).
        const imports = html.match(/[ \t]*<link rel="modulepreload" crossorigin href="[^"]+">\n?/g) ?? []
        const held = `\n    <template id="app-preloads">${imports.map((link) => link.trim()).join('')}</template>`
        const page = html.slice(0, app.index) + script + entry + held + html.slice(app.index + app[0].length)
        return { html: imports.reduce((rest, link) => rest.replace(link, ''), page), tags }
      },
    },
  }
}

/**
 * The page's icons and manifest, held inert in a <template> that the app adds to <head> once
 * its first screen is up (src/app/boot/held-links.ts): as soon as the page has loaded, Chromium
 * fetches them and decodes the icons on the page's main thread (~20-40 ms on a relaunch), which
 * otherwise lands between the launch script's database open and its read. After
 * vite-plugin-pwa, which adds the manifest's link.
 */
export function pageLinksLater(): Plugin {
  return {
    name: 'corner:page-links-later',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const links = html.match(/[ \t]*<link rel="(icon|apple-touch-icon|manifest)"[^>]*>\n?/g) ?? []
        if (!links.some((link) => link.includes('rel="manifest"'))) throw new Error('corner:page-links-later: no manifest link in index.html')
        const inert = `<template id="page-links">${links.map((link) => link.trim()).join('')}</template>`
        return links.reduce((page, link) => page.replace(link, ''), html).replace('</head>', `  ${inert}\n  </head>`)
      },
    },
  }
}

/** boot/launch.ts and what it imports, as one minified classic script (an IIFE: no globals). */
async function buildLaunchScript(): Promise<string> {
  const built = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry: LAUNCH_SCRIPT, formats: ['iife'], name: 'cornerLaunch' },
    },
  })
  const outputs = (Array.isArray(built) ? built : [built]).flatMap((result) => ('output' in result ? result.output : []))
  const chunks = outputs.filter((output) => output.type === 'chunk')
  if (chunks.length !== 1 || !chunks[0]) throw new Error(`corner:launch-tags: the launch script built into ${chunks.length} chunks`)
  const code = chunks[0].code.trim()
  // Inlined in the HTML: it must not end the script element early.
  if (/<\/script|<!--/i.test(code)) throw new Error('corner:launch-tags: the launch script holds "</script" or "<!--"')
  return code
}

export default defineConfig({
  plugins: [
    vueI18nNamedImport(),
    vue(),
    launchTags(),
    // Locale files are compiled at build time, so the app ships vue-i18n's runtime-only build.
    VueI18nPlugin({
      include: [fileURLToPath(new URL('./src/app/**/locales/**', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      // No <i18n-t>/v-t in the app: leave the built-in components out of the first view.
      fullInstall: false,
      strictMessage: false,
      dropMessageCompiler: true,
    }),
    VitePWA({
      // The worker is ours (src/sw): precache the shell, never queue API calls (docs/architecture.md).
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: webManifest,
      includeManifestIcons: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,woff2,svg,png,webmanifest}'],
        // Chart.js serves the coordinator's report pages only, which need the network anyway:
        // left out of the install (docs/reports.md), fetched when a report page opens.
        // The coordinator's areas beyond login, events and tablets (surveys, contents, reports,
        // kits, exports) are one `online-coordinator` chunk, left out the same way: offline the
        // area's layout (precached) says it needs the network.
        // The 512 px icons are for the home screen: the browser fetches them when it installs the
        // app and keeps its own copy; the pages never show them.
        globIgnores: ['**/assets/chart-*.js', '**/assets/online-*', 'icons/*-512.png'],
      },
      devOptions: { enabled: false },
    }),
    pageLinksLater(),
  ],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // The libraries every screen needs, in one file: each request costs ~1 KB of headers on
        // the wire and a round trip on a weak connection (docs/performance.md).
        advancedChunks: {
          groups: [
            {
              name: 'vendor',
              // With the small modules every first view loads anyway (one request each otherwise).
              test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify|dexie|uuid)[\\/]|rolldown[\\/]runtime|preload-helper|src[\\/]app[\\/]db[\\/](db|database|outbox|sync-state)\.ts$|src[\\/]app[\\/]composables[\\/]useLiveQuery\.ts$|src[\\/]app[\\/]api[\\/]api-error\.ts$|src[\\/]shared[\\/]survey-templates[\\/]ids\.ts$/,
            },
            {
              name: 'online-coordinator',
              // Only these modules: what they import (Vue, zod, the kiosk's components…) stays
              // in the chunks the rest of the app shares.
              includeDependenciesRecursively: false,
              // Not their route tables: the entry chunk imports those (they only import lazily).
              test: (id: string) =>
                /src[\\/]app[\\/]coordinator[\\/](surveys|contents|reports|kits|exports)[\\/]|src[\\/]app[\\/]api[\\/](survey|contents|reports|kits)-api\.ts$/.test(id) &&
                !/[\\/]routes\.ts$/.test(id),
            },
          ],
        },
      },
    },
  },
})
