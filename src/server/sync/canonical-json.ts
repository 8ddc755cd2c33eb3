/** Object keys as JSON strings, kept for the few names records use (quoting them was a good part of the cost). */
const quotedKeys = new Map<string, string>()
const QUOTED_KEPT = 1_000

function quoted(key: string): string {
  let text = quotedKeys.get(key)
  // Stryker disable next-line ConditionalExpression: quoting the key again gives the same text, only slower.
  if (text === undefined) {
    text = JSON.stringify(key)
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the bound only keeps the memory small; any bound gives the same text.
    if (quotedKeys.size < QUOTED_KEPT) quotedKeys.set(key, text)
  }
  return text
}

/** In place, by UTF-16 code units like `Array.prototype.sort()`: a record has a handful of keys. */
function sortKeys(keys: string[]): string[] {
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string
    let j = i - 1
    // Stryker disable next-line EqualityOperator: the keys of one object are distinct, so > and >= sort alike.
    for (; j >= 0 && (keys[j] as string) > key; j--) keys[j + 1] = keys[j] as string
    keys[j + 1] = key
  }
  return keys
}

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
  const keys = sortKeys(Object.keys(record))
  let out = '{'
  for (const key of keys) {
    const v = record[key]
    if (v === undefined) continue
    out += (out.length > 1 ? ',' : '') + quoted(key) + ':' + canonicalJson(v)
  }
  return out + '}'
}
