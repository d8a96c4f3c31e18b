/**
 * Pure presentation of table cells: cutting text to a width, padding, and sharing the terminal width
 * between columns (the flexible ones give way first). No React here: these are table-tested alone.
 */
import { printableLine } from '../../domain/printable.js'
import type { Tone } from '../theme/theme.js'

export interface Cell { text: string, tone?: Tone }

export interface ColumnSpec {
  key: string
  title: string
  align?: 'left' | 'right'
  /** May shrink below its natural width, down to `min`; the first flexible column also takes spare room. */
  flex?: boolean
  min?: number
  /** Never wider than this. */
  max?: number
  /**
   * Left out when the terminal is too narrow for every column at its least width: columns with a lower
   * number go first; columns without one always show.
   */
  drop?: number
}

/** Characters of a string (code points), so a cut never splits a surrogate pair. */
const chars = (s: string) => [...s]

export function textWidth (s: string): number {
  // Most text has no surrogate pairs: its length is its width, with no array made (column widths
  // measure every cell of the list).
  return /[\uD800-\uDFFF]/.test(s) ? chars(s).length : s.length
}

/**
 * One line: runs of whitespace (newlines included) become one space, and control characters visible
 * symbols of the same width (every table cell passes here: a synced name must not drive the terminal).
 */
export function oneLine (text: string): string {
  return printableLine(text).replace(/\s+/g, ' ').trim()
}

/**
 * `text` cut to `width` characters, ending in "…" when cut. Every one-line piece of the app (cells, title,
 * status and message lines) is cut here, so this is where control characters become visible symbols.
 */
export function truncate (text: string, width: number): string {
  if (width <= 0) return ''
  const safe = printableLine(text)
  const cs = chars(safe)
  return cs.length <= width ? safe : cs.slice(0, Math.max(0, width - 1)).join('') + '…'
}

export function pad (text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const t = truncate(text, width)
  const fill = ' '.repeat(Math.max(0, width - textWidth(t)))
  return align === 'right' ? fill + t : t + fill
}

/**
 * Column widths that fit `width` with `gap` spaces between columns: each column's natural width (its
 * widest cell or title, at most `max`), flexible columns shrunk widest-first down to `min` when the total
 * is too wide, and spare room given to the first flexible column so rows fill the line.
 */
export function layoutColumns (columns: readonly ColumnSpec[], rows: ReadonlyArray<Record<string, Cell | undefined>>, width: number, gap = 1): number[] {
  const widths = columns.map(c => Math.min(c.max ?? Infinity,
    Math.max(textWidth(c.title), ...rows.map(r => textWidth(r[c.key]?.text ?? '')))))
  let total = widths.reduce((a, b) => a + b, 0) + gap * Math.max(0, columns.length - 1)
  const flexible = columns.map((c, i) => (c.flex ? i : -1)).filter(i => i >= 0)
  const shrinkable = [...flexible]
  while (total > width && shrinkable.length) {
    const widest = shrinkable.reduce((a, b) => (widths[a]! >= widths[b]! ? a : b))
    const min = columns[widest]!.min ?? Math.min(8, textWidth(columns[widest]!.title))
    if (widths[widest]! <= min) { shrinkable.splice(shrinkable.indexOf(widest), 1); continue }
    const cut = Math.min(total - width, widths[widest]! - min)
    widths[widest] = widths[widest]! - cut
    total -= cut
  }
  // Still too wide (a very narrow terminal): cut from the right-most columns.
  for (let i = columns.length - 1; i >= 0 && total > width; i--) {
    const cut = Math.min(total - width, widths[i]!)
    widths[i] = widths[i]! - cut
    total -= cut
  }
  if (total < width && flexible.length) widths[flexible[0]!] = widths[flexible[0]!]! + (width - total)
  return widths
}

/** The least width a column is drawn at: a flexible one's `min`; a fixed one's `max` (its values' width), else its title. */
function leastWidth (c: ColumnSpec): number {
  if (c.flex) return c.min ?? Math.min(8, textWidth(c.title))
  return c.max ?? textWidth(c.title)
}

/**
 * The columns that fit `width` at their least widths: droppable ones left out, least important (lowest
 * `drop`) first, until the rest fit — so a narrow terminal keeps the name and the date readable rather
 * than cutting every column to a letter.
 */
export function visibleColumns (columns: readonly ColumnSpec[], width: number, gap = 1): ColumnSpec[] {
  const shown = [...columns]
  const need = () => shown.reduce((a, c) => a + leastWidth(c), 0) + gap * Math.max(0, shown.length - 1)
  const order = columns.filter(c => c.drop !== undefined).sort((a, b) => a.drop! - b.drop!)
  for (const c of order) {
    if (need() <= width) break
    shown.splice(shown.indexOf(c), 1)
  }
  return shown
}

/** A row's cells cut and padded to the widths, joined by the gap. */
export function renderCells (columns: readonly ColumnSpec[], widths: readonly number[], row: Record<string, Cell | undefined>, gap = 1): string[] {
  return columns.map((c, i) => pad(oneLine(row[c.key]?.text ?? ''), widths[i]!, c.align) + (i < columns.length - 1 ? ' '.repeat(gap) : ''))
}

/**
 * A row as runs of one tone each: the cells cut and padded as renderCells makes them (each with its gap),
 * adjacent cells of the same tone joined — so a row is drawn as a few pieces of text, not one per cell.
 */
export function renderRuns (columns: readonly ColumnSpec[], widths: readonly number[], row: Record<string, Cell | undefined>, gap = 1): Cell[] {
  const runs: Cell[] = []
  renderCells(columns, widths, row, gap).forEach((text, i) => {
    const tone = row[columns[i]!.key]?.tone
    const last = runs[runs.length - 1]
    if (last && last.tone === tone) last.text += text
    else runs.push(tone ? { text, tone } : { text })
  })
  return runs
}

export function renderLine (columns: readonly ColumnSpec[], widths: readonly number[], row: Record<string, Cell | undefined>, gap = 1): string {
  return renderCells(columns, widths, row, gap).join('')
}
