/**
 * The work behind `pat search` and `pat show`, kept apart from the command table so that the fast path in
 * main.ts can run them without loading commander's full command tree or the store.
 */
import { InputError } from '../domain/errors.js'
import { loadIndex } from '../kb/load.js'
import { findSection, nearestIds } from '../kb/lookup.js'
import { search, suggestTerms } from '../kb/search.js'
import { printJson, STYLED, type Io } from './io.js'

export async function runSearch (io: Io, localDir: string, query: string, opts: { limit?: string, json?: boolean }): Promise<void> {
  const limit = Number(opts.limit ?? 5)
  if (!Number.isInteger(limit) || limit < 1) throw new InputError(`invalid --limit "${opts.limit}": use a whole number from 1`)
  if (!query.trim()) throw new InputError('nothing to search for: pat search "how often review the account profile"')
  const idx = await loadIndex(localDir)
  const hits = search(idx, query, { limit })
  if (opts.json) { printJson(io, hits); return }
  if (hits.length === 0) {
    const near = suggestTerms(idx, query)
    io.out(`No results for "${query}".${near.length ? ` Closest glossary terms: ${near.join('; ')}.` : ''}`)
    return
  }
  const bold = (s: string) => (io.color ? s.replace(/\*\*(.+?)\*\*/g, '\x1b[1m$1\x1b[22m') : s)
  io.out(hits.map((h, i) => [
    `${i + 1}. ${h.title}${h.local ? '  (local)' : ''}`,
    `   ${[h.source, ...h.trail].join(' › ')}`,
    ...h.excerpt.split('\n').map(l => `   ${bold(l)}`),
    `   pat show ${h.id}`
  ].join('\n')).join('\n\n'), STYLED)
}

export async function runShow (io: Io, localDir: string, id: string, opts: { raw?: boolean, json?: boolean }): Promise<void> {
  const idx = await loadIndex(localDir)
  const section = findSection(idx, id)
  if (!section) {
    const near = nearestIds(idx, id)
    throw new InputError(`unknown section "${id}"${near.length ? `; nearest: ${near.join(', ')}` : '; find one with `pat search`'}`)
  }
  if (opts.json) { printJson(io, section); return }
  // marked-terminal brings a syntax highlighter: loaded only when a section is shown.
  const { renderSection } = await import('../kb/render.js')
  io.out(renderSection(section, { width: io.columns, color: io.color, raw: Boolean(opts.raw) }), STYLED)
}
