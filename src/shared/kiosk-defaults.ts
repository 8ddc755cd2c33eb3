/** How a kiosk behaves when its kit says nothing (kioskSettingsSchema in records.ts). Kept free of zod: the demo kit imports it. */
export const kioskDefaults = { idleSeconds: 45, stillThereSeconds: 15, thankYouSeconds: 6, keepPartial: true }
