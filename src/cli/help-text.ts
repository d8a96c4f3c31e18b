/**
 * The paragraphs a command's help prints after its options (`addHelpText('after', …)`), wrapped at words
 * to the width commander wraps the options to — the terminal's, else 80 — instead of lines broken by hand
 * for one width, which a narrower terminal then cuts in mid-word.
 */
import type { AddHelpTextContext } from 'commander'
import { wrapWords } from './format.js'

/** What commander wraps its own help to: the terminal's width when it writes to one, else 80. */
function helpWidth ({ error, command }: AddHelpTextContext): number {
  const out = command.configureOutput()
  return (error ? out.getErrHelpWidth?.() : out.getOutHelpWidth?.()) ?? 80
}

/** Paragraphs after a blank line; a definition list (`[term, text]` rows) with its texts in one column. */
export function helpAfter (paragraphs: readonly string[], definitions?: { title: string, rows: ReadonlyArray<readonly [string, string]> }): (ctx: AddHelpTextContext) => string {
  return ctx => {
    const width = helpWidth(ctx)
    const out = ['', ...paragraphs.flatMap(p => wrapWords(p, width))]
    if (definitions) {
      const w = Math.max(...definitions.rows.map(([term]) => term.length)) + 4
      out.push(...(paragraphs.length ? [''] : []), definitions.title)
      for (const [term, text] of definitions.rows) out.push(...wrapWords(text, width, ' '.repeat(w), true, `  ${term}`.padEnd(w)))
    }
    return out.join('\n')
  }
}
