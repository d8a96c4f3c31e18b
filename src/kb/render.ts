/**
 * Rendering a section in the terminal: marked with marked-terminal, reflowed to the terminal width, colour
 * only when wanted (NO_COLOR and pipes get plain text). `raw` gives the Markdown itself.
 */
import { stripVTControlCharacters } from 'node:util'
import { Marked } from 'marked'
import { markedTerminal } from 'marked-terminal'
import type { Section } from './types.js'

export function sectionMarkdown (s: Section): string {
  const where = [s.source, ...s.trail].join(' › ')
  return `# ${s.title}\n\n*${where}*${s.local ? ' (local)' : ''}\n\n${s.text}\n`
}

export function renderSection (s: Section, opts: { width: number, color: boolean, raw?: boolean }): string {
  const md = sectionMarkdown(s)
  if (opts.raw) return md
  const marked = new Marked(markedTerminal({ reflowText: true, width: Math.max(20, opts.width - 2), tab: 2 }) as never)
  const out = String(marked.parse(md))
  const text = (opts.color ? out : stripVTControlCharacters(out)).replace(/\n{3,}/g, '\n\n').trimEnd()
  // marked-terminal reflows paragraphs but not list items: every line is wrapped at word boundaries here.
  return text.split('\n').flatMap(l => wrapLine(l, opts.width)).join('\n')
}

/**
 * A line wrapped at spaces to `width` visible columns (colour codes take none), continuation lines indented
 * under the text of a list item ("  * text" continues at the text). A single word longer than the width stays whole.
 */
export function wrapLine (line: string, width: number): string[] {
  const visible = (t: string) => stripVTControlCharacters(t).length
  if (visible(line) <= width) return [line]
  const plainLine = stripVTControlCharacters(line)
  const lead = /^\s*(?:[*•-]\s+|\d+\.\s+)?/.exec(plainLine)![0].length
  const indent = ' '.repeat(Math.min(lead, Math.floor(width / 2)))
  const out: string[] = []
  let cur = ''
  for (const word of line.slice(0).split(' ')) {
    const next = cur === '' ? word : `${cur} ${word}`
    if (cur !== '' && visible(next) > width && visible(cur).valueOf() > indent.length) { out.push(cur); cur = indent + word } else cur = next
  }
  if (cur) out.push(cur)
  return out
}
