// No imports, no DOM: the service worker checks a kept screen with it too (src/sw/launch-page.ts).

/** The events screen as the app last rendered it (boot/launch-screen.ts), as kept in the `meta` row. */
export interface LaunchScreen {
  shell: string
  listKey: string
  locale: string
  dir: string
  html: string
}

/** A short fingerprint of the events as read (FNV-1a over their JSON, and their number). */
export function listKey(events: readonly unknown[]): string {
  const text = JSON.stringify(events)
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return `${events.length}:${(hash >>> 0).toString(16)}:${text.length}`
}

const FIELDS = ['shell', 'listKey', 'locale', 'dir', 'html'] as const

export function isLaunchScreen(value: unknown): value is LaunchScreen {
  const screen = value as Partial<LaunchScreen> | null | undefined
  return FIELDS.every((key) => typeof screen?.[key] === 'string')
}

/** Whether `stored` (as read back, unchecked) is `screen`, field for field. */
export function sameLaunchScreen(stored: unknown, screen: LaunchScreen): boolean {
  return isLaunchScreen(stored) && FIELDS.every((key) => stored[key] === screen[key])
}

