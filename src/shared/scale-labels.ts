import type { Question } from './surveys.js'
import ar from './locales/scales.ar.json' with { type: 'json' }
import en from './locales/scales.en.json' with { type: 'json' }
import es from './locales/scales.es.json' with { type: 'json' }
import it from './locales/scales.it.json' with { type: 'json' }
import zh from './locales/scales.zh.json' with { type: 'json' }

const SCALES: Record<string, typeof it.scales> = { it: it.scales, en: en.scales, ar: ar.scales, zh: zh.scales, es: es.scales }

/** The label of a point of a built-in scale (faces, Likert), in a language (Italian when it has none). */
export function scaleLabel(language: string) {
  const scales = SCALES[language] ?? it.scales
  return (q: Question, point: number): string => {
    const key = q.type === 'likert_5' ? (q.scale ?? 'agreement') : q.type
    const labels = (scales as Record<string, Record<string, string> | undefined>)[key]
    return labels?.[String(point)] ?? String(point)
  }
}
