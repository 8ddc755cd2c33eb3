import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { vueI18nNamedImport } from './vite.config'

/**
 * The phone survey (/s/<code>): a page of its own, built apart from the operator app into
 * dist/phone, so it carries only Vue, the survey question components and the visitor texts
 * (budget: 50 KB of JS on the wire) and never enters the tablets' service-worker precache.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/phone/',
  plugins: [
    vueI18nNamedImport(),
    vue(),
    VueI18nPlugin({
      include: [fileURLToPath(new URL('./src/app/**/locales/**', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      strictMessage: false,
      dropMessageCompiler: true,
    }),
  ],
  // Script-setup components only: Vue's Options API and devtools hooks stay out of the page.
  define: { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  build: {
    target: 'es2022',
    outDir: 'dist/phone',
    emptyOutDir: true,
    rolldownOptions: { input: fileURLToPath(new URL('./phone.html', import.meta.url)) },
  },
})
