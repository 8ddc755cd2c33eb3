/** A calendar day; give it `isoDay(…)`, which is UTC midnight, so no time zone shifts it. */
export const dayFormat = { dateStyle: 'medium', timeZone: 'UTC' } as const satisfies Intl.DateTimeFormatOptions
