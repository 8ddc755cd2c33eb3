import type { ManifestOptions } from 'vite-plugin-pwa'

/** The installable app's manifest, in Italian (the operators' language). */
export const webManifest: Partial<ManifestOptions> = {
  name: 'Health Promotion Corner — ATS Milano',
  short_name: 'Corner Salute',
  description: 'Registrazione dei contatti allo stand di promozione della salute, anche senza rete.',
  lang: 'it',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: '#0066CC',
  background_color: '#FFFFFF',
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
}
