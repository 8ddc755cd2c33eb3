import type { Chart as ChartType } from 'chart.js'

let loading: Promise<typeof ChartType> | undefined

/**
 * Chart.js (pinned in package.json) loaded on first use, so it stays in the report pages'
 * own chunk: never in the operator's bundle. Only the pieces a bar chart needs are registered.
 */
export function loadChart(): Promise<typeof ChartType> {
  loading ??= import('chart.js').then(({ Chart, BarController, BarElement, CategoryScale, LinearScale }) => {
    Chart.register(BarController, BarElement, CategoryScale, LinearScale)
    return Chart
  })
  // Not precached: a failed fetch (offline) is tried again next time.
  loading.catch(() => (loading = undefined))
  return loading
}
