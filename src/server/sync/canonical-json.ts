/**
 * JSON with object keys sorted at every depth: two facts with the same content give the same
 * string whatever key order the tablet sent, which is what "same id, same content" compares.
 * (String concatenation, not arrays: this runs for every fact of every push.)
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (value[i] === undefined ? 'null' : canonicalJson(value[i]))
    return out + ']'
  }
  const record = value as Record<string, unknown>
  const keys = Object.keys(record).sort()
  let out = '{'
  for (const key of keys) {
    const v = record[key]
    if (v === undefined) continue
    out += (out.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + canonicalJson(v)
  }
  return out + '}'
}
