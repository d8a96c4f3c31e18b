/**
 * Plain text to terminal lines: word-wrapping to a width (long words broken), and splitting a search
 * excerpt's **marked** matches into segments to emphasise.
 */
import { printable } from '../../domain/printable.js'
import { textWidth, truncate } from './cells.js'

export function wrapText (text: string, width: number): string[] {
  const w = Math.max(1, width)
  const out: string[] = []
  for (const raw of printable(text.replace(/\t/g, '  ')).split('\n')) {
    const line = raw.trimEnd()
    if (textWidth(line) <= w) { out.push(line); continue }
    const indent = /^\s*/.exec(line)![0].slice(0, Math.floor(w / 2))
    let cur = ''
    for (const word of line.trim().split(/\s+/)) {
      let rest = word
      while (textWidth((cur ? cur + ' ' : indent) + rest) > w) {
        if (cur) { out.push(cur); cur = ''; continue }
        const room = w - textWidth(indent)
        const cs = [...rest]
        out.push(indent + cs.slice(0, room).join(''))
        rest = cs.slice(room).join('')
      }
      cur = cur ? `${cur} ${rest}` : indent + rest
    }
    if (cur) out.push(cur)
  }
  return out
}

/**
 * A search excerpt (one sentence per line, in reading order: the answering sentence and its neighbours)
 * wrapped into at most `room` lines. When it all fits, all of it; otherwise from the answering sentence —
 * the one with the most **marked** words, the first of equals, as the search picked it — on, with the
 * sentence before it only if it fits whole as well: a preview that showed the sentence before the answer
 * and cut the answer off ("how often review the profile") showed nothing that answers.
 */
export function excerptPreview (excerpt: string, width: number, room: number): string[] {
  const sentences = excerpt.split('\n')
  const wrapped = sentences.map(s => wrapText(s, width))
  if (wrapped.reduce((n, w) => n + w.length, 0) <= room) return wrapped.flat()
  const marks = sentences.map(s => s.split('**').length >> 1)
  const answer = marks.indexOf(Math.max(...marks))
  const from = answer > 0 && wrapped.slice(answer - 1).reduce((n, w) => n + w.length, 0) <= room ? answer - 1 : answer
  return wrapped.slice(from).flat().slice(0, room)
}

export interface Segment { text: string, match: boolean }

/** "the **review** of" → [{the , false}, {review, true}, { of, false}] */
export function markSegments (excerpt: string): Segment[] {
  return excerpt.split('**').map((text, i) => ({ text, match: i % 2 === 1 })).filter(s => s.text !== '')
}

/**
 * The message line's lines: one line normally; a longer message wraps (at spaces, or anywhere in a long
 * path) onto at most `max` lines, the last one cut with "…" if even that is not enough. Always one line
 * at least (the area keeps its place when empty).
 */
export function messageLines (text: string, width: number, max: number): string[] {
  const lines = wrapText(text.replace(/\s+/g, ' ').trim(), width)
  if (lines.length <= max) return lines.length ? lines : ['']
  const shown = lines.slice(0, max)
  shown[max - 1] = truncate(lines.slice(max - 1).join(' '), width)
  return shown
}

/**
 * Where a search result stands, for a line cut at the screen's edge: its headings first ("Improve Account
 * Compliance - The Account Action Plan › The Process"), then its document. Five sections are called
 * "Overview" and most results come from the SOP, so the document's long title first hid what tells them apart.
 */
export function hitPlace (h: { source: string, trail: readonly string[] }): string {
  return h.trail.length ? `${h.trail.join(' › ')} — ${h.source}` : h.source
}
