/**
 * Editing one line of text with the keyboard, as a pure function of (text, cursor) and a key name: typing
 * and pasting insert at the cursor, Backspace, ←/→, Home/End (Ctrl-A/Ctrl-E), Ctrl-U (to the start),
 * Ctrl-K (to the end), Ctrl-W (the word before). Returns undefined for keys that are not editing keys.
 * Newlines already in a value (long text fields) are kept; typed text never adds one (Enter saves).
 */
import { isPrintable } from './key-table.js'

export interface LineState { value: string, cursor: number }

export function editLine (s: LineState, name: string, input: string): LineState | undefined {
  const cs = [...s.value]
  const at = Math.max(0, Math.min(s.cursor, cs.length))
  if (isPrintable(name)) {
    const text = [...(name === 'space' ? ' ' : input).replace(/[\r\n]+/g, ' ')].filter(ch => ch >= ' ' && ch !== '\x7f')
    if (!text.length) return s
    return { value: [...cs.slice(0, at), ...text, ...cs.slice(at)].join(''), cursor: at + text.length }
  }
  switch (name) {
    case 'backspace': return at === 0 ? s : { value: [...cs.slice(0, at - 1), ...cs.slice(at)].join(''), cursor: at - 1 }
    case 'left': return { value: s.value, cursor: Math.max(0, at - 1) }
    case 'right': return { value: s.value, cursor: Math.min(cs.length, at + 1) }
    case 'home': case 'ctrl-a': return { value: s.value, cursor: 0 }
    case 'end': case 'ctrl-e': return { value: s.value, cursor: cs.length }
    case 'ctrl-u': return { value: cs.slice(at).join(''), cursor: 0 }
    case 'ctrl-k': return { value: cs.slice(0, at).join(''), cursor: at }
    case 'ctrl-w': {
      let i = at
      while (i > 0 && cs[i - 1] === ' ') i--
      while (i > 0 && cs[i - 1] !== ' ') i--
      return { value: [...cs.slice(0, i), ...cs.slice(at)].join(''), cursor: i }
    }
    default: return undefined
  }
}

/** The visible part of a line being edited, `width` wide, keeping the cursor in view; `at` is the cursor's column. */
export function visibleLine (s: LineState, width: number): { before: string, under: string, after: string } {
  const cs = [...s.value.replace(/\n/g, '↵')]
  const at = Math.max(0, Math.min(s.cursor, cs.length))
  const w = Math.max(2, width)
  const start = Math.max(0, Math.min(at - w + 1, cs.length - w + 1))
  const from = Math.max(0, Math.min(start, at))
  const before = cs.slice(from, at).join('')
  const under = cs[at] ?? ' '
  const after = cs.slice(at + 1, from + w).join('')
  return { before, under, after }
}
