/**
 * Pure presentation: turning rows into aligned text columns that fit the terminal width. The widest
 * flexible column gives way first, and cells cut short end in "…". Cells are made printable before they are
 * measured (domain/printable.ts keeps each character one wide), so a hostile name cannot break the columns.
 */
import { printableLine } from '../domain/printable.js'
export interface Column<T> {
  title: string
  get: (row: T) => string
  /** May be shortened to fit (default: true for the first column, false for others). */
  flex?: boolean
  align?: 'left' | 'right'
  /** The narrowest a flexible column may become (default: its title, at least 8). */
  min?: number
}

export function truncate (text: string, width: number): string {
  if (width <= 0) return ''
  return text.length <= width ? text : text.slice(0, Math.max(0, width - 1)) + '…'
}

export function formatTable<T> (rows: readonly T[], columns: readonly Column<T>[], width = 80): string {
  const cells = rows.map(r => columns.map(c => printableLine(c.get(r))))
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map(row => row[i]!.length)))
  const natural = widths.reduce((a, b) => a + b, 0)
  // Two spaces between columns when they fit, one when the terminal is narrow.
  const gap = natural + 2 * (columns.length - 1) <= width ? 2 : 1
  let total = natural + gap * (columns.length - 1)
  const flexible = columns.map((c, i) => (c.flex ?? i === 0) ? i : -1).filter(i => i >= 0)
  while (total > width && flexible.length) {
    const widest = flexible.reduce((a, b) => (widths[a]! >= widths[b]! ? a : b))
    const min = columns[widest]!.min ?? Math.max(columns[widest]!.title.length, 8)
    if (widths[widest]! <= min) { flexible.splice(flexible.indexOf(widest), 1); continue }
    const cut = Math.min(total - width, widths[widest]! - min)
    widths[widest] = widths[widest]! - cut
    total -= cut
  }
  const line = (vals: string[]) => vals.map((v, i) => {
    const w = widths[i]!
    const t = truncate(v, w)
    return columns[i]!.align === 'right' ? t.padStart(w) : (i === vals.length - 1 ? t : t.padEnd(w))
  }).join(' '.repeat(gap)).trimEnd()
  return [line(columns.map(c => c.title)), ...cells.map(line)].join('\n')
}

/** "Label: value" lines with labels aligned; empty values are left out. */
export function formatFields (pairs: ReadonlyArray<[string, string]>): string {
  const shown = pairs.filter(([, v]) => v !== '')
  const w = Math.max(0, ...shown.map(([k]) => k.length))
  return shown.map(([k, v]) => `${(k + ':').padEnd(w + 1)} ${v.replace(/\n/g, '\n' + ' '.repeat(w + 2))}`).join('\n')
}
