/** Values worked out once per index and key (undefined kept too), dropped with the index. */
import type { KbIndex } from './types.js'

export function perIndex<T> (): (idx: KbIndex, key: string, make: () => T) => T {
  const caches = new WeakMap<KbIndex, Map<string, T>>()
  return (idx, key, make) => {
    let m = caches.get(idx)
    if (!m) { m = new Map(); caches.set(idx, m) }
    if (m.has(key)) return m.get(key)!
    const value = make()
    m.set(key, value)
    return value
  }
}
