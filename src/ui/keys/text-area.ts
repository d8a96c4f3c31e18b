/**
 * Editing a multi-line text (long fields: corporate structure, notes, action steps) as pure functions of
 * (text, cursor), a key and the width it wraps at: typing and pasting insert at the cursor (a pasted line
 * break, or Enter, starts a new line), Backspace, ←/→ across lines, ↑/↓ by wrapped row keeping the column,
 * Home/End (Ctrl-A/Ctrl-E) to the ends of the row. Rows wrap at word boundaries, long words are broken.
 */
import type { LineState } from './text-edit.js'
import { isPrintable } from './key-table.js'

/** A wrapped row: code-point offsets [start, end) into the text, the line break (if any) not included. */
export interface Row { start: number, end: number }

/** The text's rows at `width` columns. Every text has at least one row. */
export function wrapRows (value: string, width: number): Row[] {
  const w = Math.max(2, width)
  const cs = [...value]
  const rows: Row[] = []
  let lineStart = 0
  for (let i = 0; i <= cs.length; i++) {
    if (i < cs.length && cs[i] !== '\n') continue
    let start = lineStart
    while (i - start > w) {
      // Break after the last space that fits, or mid-word when a word is wider than the row.
      let cut = -1
      for (let j = start + w; j > start; j--) if (cs[j - 1] === ' ') { cut = j; break }
      const end = cut > start ? cut : start + w
      rows.push({ start, end })
      start = end
    }
    rows.push({ start, end: i })
    lineStart = i + 1
  }
  return rows
}

/** The row the cursor is on, and its column there. A cursor at a wrapped row's end shows at the next row's start. */
export function cursorRow (rows: readonly Row[], cursor: number): { row: number, col: number } {
  let r = 0
  for (let i = 0; i < rows.length; i++) if (rows[i]!.start <= cursor) r = i
  return { row: r, col: cursor - rows[r]!.start }
}

/** The cursor moved `delta` rows up (-1) or down (+1), keeping its column where the row is long enough. */
export function moveRows (s: LineState, width: number, delta: number): LineState {
  const rows = wrapRows(s.value, width)
  const { row, col } = cursorRow(rows, s.cursor)
  const to = Math.max(0, Math.min(rows.length - 1, row + delta))
  if (to === row) return { value: s.value, cursor: delta < 0 ? 0 : [...s.value].length }
  const target = rows[to]!
  // On a wrapped row (the next row starts where it ends) the last position belongs to the next row.
  const wrapped = rows[to + 1]?.start === target.end
  return { value: s.value, cursor: target.start + Math.min(col, target.end - target.start - (wrapped ? 1 : 0)) }
}

export function editArea (s: LineState, name: string, input: string, width: number): LineState | undefined {
  const cs = [...s.value]
  const at = Math.max(0, Math.min(s.cursor, cs.length))
  const insert = (text: string[]) => ({ value: [...cs.slice(0, at), ...text, ...cs.slice(at)].join(''), cursor: at + text.length })
  if (name === 'enter' || name === '\n') return insert(['\n'])
  // A paste arriving whole (not split into keys) keeps its line breaks and tabs.
  const pasted = name === input && [...input].length > 1 && /^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+$/.test(input) // eslint-disable-line no-control-regex -- a paste holds no control keys
  if (pasted || isPrintable(name)) {
    const text = [...(name === 'space' ? ' ' : input).replace(/\r\n?/g, '\n').replace(/\t/g, '  ')].filter(ch => ch === '\n' || (ch >= ' ' && ch !== '\x7f'))
    return text.length ? insert(text) : s
  }
  const rows = wrapRows(s.value, width)
  const { row } = cursorRow(rows, at)
  switch (name) {
    case 'backspace': return at === 0 ? s : { value: [...cs.slice(0, at - 1), ...cs.slice(at)].join(''), cursor: at - 1 }
    case 'left': return { value: s.value, cursor: Math.max(0, at - 1) }
    case 'right': return { value: s.value, cursor: Math.min(cs.length, at + 1) }
    case 'home': case 'ctrl-a': return { value: s.value, cursor: rows[row]!.start }
    case 'end': case 'ctrl-e': {
      const r = rows[row]!
      const wrapped = rows[row + 1]?.start === r.end
      return { value: s.value, cursor: wrapped ? r.end - 1 : r.end }
    }
    default: return undefined
  }
}
