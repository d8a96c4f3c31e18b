/**
 * Replacing the content of a Y.Text by touching only what changed (common prefix and suffix kept), so that
 * two members editing different parts of the same paragraph offline both keep their edits after merging.
 */
import type * as Y from 'yjs'

export function setText (text: Y.Text, next: string): boolean {
  const prev = text.toString()
  if (prev === next) return false
  let start = 0
  const max = Math.min(prev.length, next.length)
  while (start < max && prev[start] === next[start]) start++
  let end = 0
  while (end < max - start && prev[prev.length - 1 - end] === next[next.length - 1 - end]) end++
  const removed = prev.length - start - end
  if (removed > 0) text.delete(start, removed)
  const inserted = next.slice(start, next.length - end)
  if (inserted) text.insert(start, inserted)
  return true
}
