import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite'
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

/**
 * What an offline relaunch waits for, asked for from the HTML (docs/performance.md, "Offline
 * relaunch"): src/app/boot/launch.ts is an entry of its own, an async script that runs as soon
 * as it arrives, reads IndexedDB, paints the launch screen and then starts the app's script,
 * which the HTML only preloads; and the fonts are preloaded, so that the first layout uses them
 * instead of looking up fallback fonts and laying the page out again when they arrive.
 */
export function launchTags(): Plugin {
  return {
    name: 'corner:launch-tags',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const files = Object.values(bundle ?? {})
        const launch = files.find((file) => file.type === 'chunk' && file.isEntry && file.name === 'launch')
        if (!launch) throw new Error('corner:launch-tags: no launch chunk in the bundle')
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
        const script = `<script type="module" async crossorigin src="/${launch.fileName}"></script>\n    `
        const entry = `<link rel="modulepreload" crossorigin href="${app[1]}" data-app-entry>`
        return { html: html.slice(0, app.index) + script + entry + html.slice(app.index + app[0].length), tags }
      },
    },
  }
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
  ],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      // launch: the relaunch's head start, a script of its own (launchTags above).
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        launch: fileURLToPath(new URL('./src/app/boot/launch.ts', import.meta.url)),
      },
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
