/** Finding a section by id for `pat show`, with the nearest ids when the id is unknown. */
import Fuse from 'fuse.js'
import type { KbIndex, Section } from './types.js'

export function findSection (idx: KbIndex, id: string): Section | undefined {
  return idx.sections.find(s => s.id === id) ?? idx.sections.find(s => s.id === id.replace(/\/+$/, ''))
}

export function nearestIds (idx: KbIndex, id: string, limit = 3): string[] {
  const prefixed = idx.sections.filter(s => s.id.startsWith(id)).map(s => s.id)
  if (prefixed.length) return prefixed.slice(0, limit)
  return new Fuse(idx.sections.map(s => s.id), { threshold: 0.5, ignoreLocation: true }).search(id.slice(0, 32), { limit }).map(r => r.item)
}
