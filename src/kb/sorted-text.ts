/**
 * Tables kept as one sorted string and searched by halving, never parsed whole: the index's postings
 * ("term⇥encoded list" lines) and its vocabulary (terms joined by spaces). As JSON objects and arrays they
 * were some fifteen thousand properties and strings for every cold `pat search` to parse and then for the
 * garbage collector to copy (~10 ms, docs/startup.md); a query looks up a few dozen terms.
 *
 * A table is `records` joined by `recordSep`, each `key` or `key` + `keySep` + value, sorted by key in
 * JavaScript's string order (`Array.prototype.sort`), keys holding neither separator.
 */

/** The table's text for these entries: sorted by key, each key with its value (if any) after `keySep`. */
export function sortedText (entries: Iterable<readonly [string, string?]>, recordSep: string, keySep: string): string {
  return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => (v === undefined ? k : `${k}${keySep}${v}`)).join(recordSep)
}

/**
 * The value of `key` in the table (the empty string for a key without one), or undefined when it is not
 * there. Every probe starts from the beginning of a record: `lo` always is one, so the record holding the
 * middle starts at or after it.
 */
export function lookupSorted (text: string, key: string, recordSep: string, keySep: string): string | undefined {
  let lo = 0
  let hi = text.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const start = text.lastIndexOf(recordSep, mid - 1) + 1
    let end = text.indexOf(recordSep, start)
    if (end < 0) end = text.length
    let keyEnd = text.indexOf(keySep, start)
    if (keyEnd < 0 || keyEnd > end) keyEnd = end
    const k = text.slice(start, keyEnd)
    if (k === key) return keyEnd === end ? '' : text.slice(keyEnd + keySep.length, end)
    if (k < key) lo = end + recordSep.length
    else hi = start
  }
  return undefined
}

/** The keys of the table, in order. */
export function sortedKeys (text: string, recordSep: string, keySep: string): string[] {
  if (text === '') return []
  return text.split(recordSep).map(r => { const at = r.indexOf(keySep); return at < 0 ? r : r.slice(0, at) })
}
