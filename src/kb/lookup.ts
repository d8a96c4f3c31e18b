/** Finding a section by id for `pat show`, with the nearest ids when the id is unknown. */
import Fuse from 'fuse.js'
import type { KbIndex, Section } from './types.js'

export function findSection (idx: KbIndex, id: string): Section | undefined {
  return idx.sections.find(s => s.id === id) ?? idx.sections.find(s => s.id === id.replace(/\/+$/, ''))
}

/**
 * The ids nearest to an unknown one: those it is a prefix of, else fuzzy matches of its last part
 * against the titles of the sections of the same document, else the sections under the longest part of its path that exists.
 */
export function nearestIds (idx: KbIndex, id: string, limit = 3): string[] {
  const prefixed = idx.sections.filter(s => s.id.startsWith(id)).map(s => s.id)
  if (prefixed.length) return prefixed.slice(0, limit)
  const parts = id.split('/').filter(Boolean)
  const last = (parts.at(-1) ?? id).replace(/-/g, ' ')
  // Stay within the document the id names, when it names one.
  const inDoc = idx.sections.filter(s => s.doc === parts[0])
  const fuzzy = new Fuse(inDoc.length ? inDoc : idx.sections, { keys: ['title'], threshold: 0.4, ignoreLocation: true })
    .search(last.slice(0, 32), { limit }).map(r => r.item.id)
  if (fuzzy.length) return fuzzy
  for (let n = parts.length - 1; n > 0; n--) {
    const prefix = parts.slice(0, n).join('/') + '/'
    const under = idx.sections.filter(s => s.id.startsWith(prefix)).map(s => s.id)
    if (under.length) return under.slice(0, limit)
  }
  return []
}
