/**
 * The rows of a Map in the order of their keys. Totals are upserted this way, so concurrent
 * pushes lock the rows they share in the same order: on PostgreSQL one then waits for the
 * other instead of both failing as a deadlock (tests/integration/totals-lock-order.test.ts).
 */
export function valuesInKeyOrder<T>(rows: ReadonlyMap<string, T>): T[] {
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row)
}
