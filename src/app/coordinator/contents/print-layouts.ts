export const PRINT_LAYOUTS = ['poster', 'tent', 'flyer'] as const
export type PrintLayout = (typeof PRINT_LAYOUTS)[number]
