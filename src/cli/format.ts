/**
 * Pure presentation: turning rows into aligned text columns that fit the terminal width. The widest
 * flexible column gives way first, then the columns that may be left out; cells cut short end in "…", and no
 * line is wider than the terminal. Cells are made printable before they are measured (domain/printable.ts
 * keeps each character one wide), so a hostile name cannot break the columns.
 */
import { formatActivity, type ActivityEntry } from '../domain/activity.js'
import { printableLine } from '../domain/printable.js'
export interface Column<T> {
  title: string
  get: (row: T) => string
  /** May be shortened to fit (default: true for the first column, false for others). */
  flex?: boolean
  align?: 'left' | 'right'
  /** The narrowest a flexible column may become (default: its title, at least 8). */
  min?: number
  /**
   * May be left out when the table does not fit even with its flexible columns at their narrowest: the
   * lowest first. A narrow terminal then shows fewer columns whole rather than every row wrapped in two.
   */
  drop?: number
}

export function truncate (text: string, width: number): string {
  if (width <= 0) return ''
  // "Harborview…", not "Harborview …": a cut that lands after a space drops it.
  return text.length <= width ? text : text.slice(0, Math.max(0, width - 1)).trimEnd() + '…'
}

export function formatTable<T> (rows: readonly T[], columns: readonly Column<T>[], width = 80): string {
  const cells = rows.map(r => columns.map(c => printableLine(c.get(r))))
  // Columns that may be left out go, lowest `drop` first, while the rest cannot fit even at their narrowest.
  let shown = columns.map((_, i) => i)
  let fit = fitWidths(columns, cells, shown, width)
  for (const i of columns.map((c, i) => ({ i, drop: c.drop })).filter(c => c.drop !== undefined).sort((a, b) => a.drop! - b.drop!).map(c => c.i)) {
    if (fit.total <= width) break
    shown = shown.filter(k => k !== i)
    fit = fitWidths(columns, cells, shown, width)
  }
  const { widths, gap } = fit
  const line = (vals: string[]) => {
    const text = shown.map((c, k) => {
      const w = widths[k]!
      const t = truncate(vals[c]!, w)
      return columns[c]!.align === 'right' ? t.padStart(w) : (k === shown.length - 1 ? t : t.padEnd(w))
    }).join(' '.repeat(gap)).trimEnd()
    // Never wider than the terminal (it would wrap every row onto two lines): the last resort cuts the line.
    return truncate(text, width)
  }
  return [line(columns.map(c => c.title)), ...cells.map(line)].join('\n')
}

/** The widths of the `shown` columns (flexible ones narrowed, the widest first, down to their minimum) and the gap. */
function fitWidths<T> (columns: readonly Column<T>[], cells: readonly string[][], shown: readonly number[], width: number): { widths: number[], gap: number, total: number } {
  const widths = shown.map(c => Math.max(columns[c]!.title.length, ...cells.map(row => row[c]!.length)))
  const natural = widths.reduce((a, b) => a + b, 0)
  // Two spaces between columns when they fit, one when the terminal is narrow.
  const gap = natural + 2 * (shown.length - 1) <= width ? 2 : 1
  let total = natural + gap * (shown.length - 1)
  const flexible = shown.map((c, k) => (columns[c]!.flex ?? c === 0) ? k : -1).filter(k => k >= 0)
  while (total > width && flexible.length) {
    const widest = flexible.reduce((a, b) => (widths[a]! >= widths[b]! ? a : b))
    const col = columns[shown[widest]!]!
    const min = col.min ?? Math.max(col.title.length, 8)
    if (widths[widest]! <= min) { flexible.splice(flexible.indexOf(widest), 1); continue }
    const cut = Math.min(total - width, widths[widest]! - min)
    widths[widest] = widths[widest]! - cut
    total -= cut
  }
  return { widths, gap, total }
}

/**
 * Words wrapped to the width, every line indented by `indent` (the first by `first`: a hanging indent).
 * Match marks (**…**) take no room when they will be turned into bold (`marksShown` false); in plain output
 * they are printed and counted. At an infinite width (output to a file or a pipe) nothing wraps.
 */
export function wrapWords (text: string, width: number, indent = '', marksShown = true, first = indent): string[] {
  const visible = (s: string) => (marksShown ? s : s.replace(/\*\*/g, '')).length
  const out: string[] = []
  let cur = ''
  const lead = () => (out.length ? indent : first)
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const room = Math.max(20, width - lead().length)
    if (cur && visible(cur) + 1 + visible(word) > room) { out.push(lead() + cur); cur = word } else cur = cur ? `${cur} ${word}` : word
  }
  if (cur) out.push(lead() + cur)
  return out
}

/**
 * An activity line (`2026-11-22 14:05  Dana Ruiz  set …`), in a terminal narrower than it wrapped at words
 * with the summary continuing under the time's width; at an infinite width (a pipe) exactly formatActivity's.
 */
export function activityLines (e: ActivityEntry, width: number, indent = ''): string[] {
  const whole = printableLine(indent + formatActivity(e))
  if (whole.length <= width) return [whole]
  const head = printableLine(indent + formatActivity({ ...e, summary: '' }))
  return wrapWords(printableLine(e.summary), width, ' '.repeat(indent.length + 18), true, head)
}

/** "Label: value" lines with labels aligned; empty values are left out. */
export function formatFields (pairs: ReadonlyArray<[string, string]>): string {
  const shown = pairs.filter(([, v]) => v !== '')
  const w = Math.max(0, ...shown.map(([k]) => k.length))
  return shown.map(([k, v]) => `${(k + ':').padEnd(w + 1)} ${v.replace(/\n/g, '\n' + ' '.repeat(w + 2))}`).join('\n')
}
