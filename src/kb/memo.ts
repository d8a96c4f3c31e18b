/**
 * Values worked out from an index once and dropped with it (a WeakMap keyed by the index, so a team's
 * rebuilt index never sees the old one's values): `oncePerIndex` for one value an index has (its averages,
 * its acronym table), `perIndex` for one value per index and key (a section's sentences, a term's postings).
 * undefined is kept too: "no postings" is an answer, not a miss.
 */
import type { KbIndex } from './types.js'

export function oncePerIndex<T> (make: (idx: KbIndex) => T): (idx: KbIndex) => T {
  const values = new WeakMap<KbIndex, { value: T }>()
  return idx => {
    let held = values.get(idx)
    if (!held) { held = { value: make(idx) }; values.set(idx, held) }
    return held.value
  }
}

export function perIndex<T, K = string> (): (idx: KbIndex, key: K, make: () => T) => T {
  const caches = new WeakMap<KbIndex, Map<K, T>>()
  return (idx, key, make) => {
    let m = caches.get(idx)
    if (!m) { m = new Map(); caches.set(idx, m) }
    if (m.has(key)) return m.get(key)!
    const value = make()
    m.set(key, value)
    return value
  }
}
