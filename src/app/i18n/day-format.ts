// No imports: boot/launch.ts builds this format before the framework loads, from a chunk of its own.

/** A calendar day; give it `isoDay(…)`, which is UTC midnight, so no time zone shifts it. */
export const dayFormat = { dateStyle: 'medium', timeZone: 'UTC' } as const satisfies Intl.DateTimeFormatOptions
