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
  return (opts.color ? out : stripVTControlCharacters(out)).replace(/\n{3,}/g, '\n\n').trimEnd()
}
