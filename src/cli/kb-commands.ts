/**
 * The work behind `pat search` and `pat show`, kept apart from the command table so that the fast path in
 * main.ts can run them without loading commander's full command tree or the store.
 */
import { InputError } from '../domain/errors.js'
import { plainSection } from '../kb/index-file.js'
import { loadIndex } from '../kb/load.js'
import { findSection, nearestIds } from '../kb/lookup.js'
import { subSections } from '../kb/outline.js'
import { definitionFor } from '../kb/definitions.js'
import { search, suggestTerms } from '../kb/search.js'
import type { Hit } from '../kb/types.js'
import { printJson, STYLED, type Io } from './io.js'
import { wrapWords } from './format.js'
import { parseLimit } from './limit.js'

export const partLabel = (h: Pick<Hit, 'part' | 'partOf'>): string => (h.part && h.partOf ? `  (part ${h.part} of ${h.partOf})` : '')

export async function runSearch (io: Io, localDir: string, query: string, opts: { limit?: string, json?: boolean }): Promise<void> {
  const limit = opts.limit === undefined ? 5 : parseLimit(opts.limit)
  if (!query.trim()) throw new InputError('nothing to search for: pat search "how often review the account profile"')
  const idx = await loadIndex(localDir)
  const hits = search(idx, query, { limit })
  if (opts.json) { printJson(io, hits); return }
  if (hits.length === 0) {
    const near = suggestTerms(idx, query)
    io.out(`No results for "${query}".${near.length ? ` Closest glossary terms: ${near.join('; ')}.` : ''}`)
    return
  }
  const width = io.columns
  const bold = (s: string) => (io.color ? s.replace(/\*\*(.+?)\*\*/g, '\x1b[1m$1\x1b[22m') : s)
  const def = definitionFor(idx, query)
  const card = def ? [...wrapWords(`${def.term}: ${def.text}`, width), ''].join('\n') + '\n' : ''
  io.out(card + hits.map((h, i) => [
    ...wrapWords(`${i + 1}. ${h.title}${partLabel(h)}${h.local ? '  (local)' : ''}`, width),
    ...wrapWords([h.source, ...h.trail].join(' › '), width, '   '),
    ...h.excerpt.split('\n').flatMap(l => wrapWords(l, width, '   ', !io.color)).map(bold),
    `   pat show ${h.id}`
  ].join('\n')).join('\n\n'), STYLED)
}

export async function runShow (io: Io, localDir: string, id: string | undefined, opts: { raw?: boolean, json?: boolean, for?: string }): Promise<void> {
  const idx = await loadIndex(localDir)
  let section
  if (opts.for !== undefined) {
    // The guidance table brings the domain's task, item and rule lists: loaded only for --for.
    const { guidanceFor, guidanceKeys } = await import('../kb/guidance.js')
    const g = guidanceFor(idx, await guidanceKey(opts.for, guidanceKeys()))
    if (!g) throw new InputError(`no SOP passage found for "${opts.for}"; find one with \`pat search\``)
    section = g.section
  } else {
    if (!id) throw new InputError('say which section: pat show SECTION-ID, or pat show --for TASK|ITEM|RULE')
    section = findSection(idx, id)
    if (!section) {
      const near = nearestIds(idx, id)
      throw new InputError(`unknown section "${id}"${near.length ? `; nearest: ${near.join(', ')}` : '; find one with `pat search`'}`)
    }
  }
  const subs = subSections(idx, section)
  if (opts.json) { printJson(io, { ...plainSection(section), subSections: subs.map(s => ({ id: s.id, title: s.title })) }); return }
  // marked-terminal brings a syntax highlighter: loaded only when a section is shown.
  const { renderSection } = await import('../kb/render.js')
  const list = subs.length === 0 || opts.raw
    ? []
    : ['', 'In this section:', ...subs.flatMap(s => [...wrapWords(`- ${s.title}`, io.columns, '    ', true, '  '), `    pat show ${s.id}`])]
  io.out([renderSection(section, { width: io.columns, color: io.color, raw: Boolean(opts.raw) }), ...list].join('\n'), STYLED)
}

/** A task, checklist item or due rule named the way the other commands take them (`evaluate.profile`, `compliance B`, `Valuation`, `plan-review`). */
async function guidanceKey (name: string, keys: string[]): Promise<string> {
  const n = name.trim()
  if (keys.includes(n)) return n
  const dotted = n.replace(/\s+/g, '.')
  const exact = keys.find(k => k.toLowerCase() === dotted.toLowerCase())
  if (exact) return exact
  const { resolveTask } = await import('../domain/lifecycle.js')
  const { CHECKLIST_ITEMS, resolveChecklistItem } = await import('../domain/checklist.js')
  const byLabel = CHECKLIST_ITEMS.filter(i => i.label.toLowerCase().startsWith(n.toLowerCase()))
  if (byLabel.length === 1) return byLabel[0]!.key
  try { return resolveTask(n).id } catch { /* not a task */ }
  try { return resolveChecklistItem(n, []).key } catch { /* not an item */ }
  throw new InputError(`"${name}" is not a lifecycle task, checklist item or due rule; e.g. evaluate.profile, compliance.B, Valuation, plan-review`)
}
