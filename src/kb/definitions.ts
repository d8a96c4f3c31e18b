/**
 * The glossary in search: an entry takes a result slot only when the question asks what its term means
 * ("what is a PAT", "define account profile", "what does CAS stand for"); otherwise the entry of a term the
 * query names is a one-line definition card above the results (CLI and app).
 */
import { acronymTypedAs, namedAcronyms } from './acronyms.js'
import { oncePerIndex } from './memo.js'
import { plain } from './text.js'
import { isStopWord, term, terms, words } from './tokens.js'
import type { Definition, KbIndex, Section } from './types.js'

/** "what is X", "what are X", "what's X", "who is X", "define X", "meaning of X"; "what does X mean / stand for". */
const QUESTION_FORM = /^\s*(?:(?:what|who)\s+(?:is|are)\b|what'?s\b|define\b|definition\b|meaning\b)|\b(?:mean|means|stand for|stands for)\s*\??\s*$/i
const DEFINING_WORDS = new Set(['what', 'whats', 'who', 'is', 'are', 'a', 'an', 'the', 'does', 'do', 'define', 'definition', 'meaning', 'mean', 'means', 'meant', 'of', 'stand', 'stands', 'for', 'by', 'term', 'word', 'acronym'])

/**
 * The glossary entry a question asks the meaning of: "what is a PAT", "define account profile", "what does
 * CAS stand for". Asked in that form, and every other word of it names the entry (its title or acronym).
 */
export function asksDefinition (idx: KbIndex, query: string): Section | undefined {
  if (!QUESTION_FORM.test(query)) return undefined
  const rest = words(query).filter(w => !DEFINING_WORDS.has(w))
  if (rest.length === 0) return undefined
  return definitionEntry(idx, query, rest, true)
}

interface GlossaryName { section: Section, names: Set<string>, title: string[], acronyms: string[], /** as typed: "ITM" */ typed: string[] }
const ACRONYM = /^[A-Z][A-Z#]+$/

/**
 * The glossary entries with the terms that name them, computed once per index: the stemmed words of the
 * title and spelled-out forms, and apart from them the acronyms, lower-case and unstemmed ("cas" is not "ca").
 */
const glossaryNames = oncePerIndex((idx: KbIndex): GlossaryName[] =>
  idx.sections.filter(s => s.glossary).map(s => {
    const title = terms(s.title.replace(/\([^)]*\)/g, ''))
    const inTitle = [...s.title.matchAll(/\(([^)]*)\)/g)].flatMap(m => m[1]!.split('/')).filter(t => ACRONYM.test(t))
    return {
      section: s,
      names: new Set([...title, ...s.terms.filter(t => !ACRONYM.test(t)).flatMap(t => terms(t.replace(/\([^)]*\)/g, '')))]),
      title,
      acronyms: [...new Set([...s.terms.filter(t => ACRONYM.test(t)), ...inTitle].map(t => t.toLowerCase()))],
      typed: inTitle
    }
  }))

/** The index's acronyms and those of glossary headings ("ITM/ITS"), as typed; one list per index. */
const acronymsOf = oncePerIndex((idx: KbIndex): string[] => [...idx.acronyms.map(a => a.acronym), ...glossaryNames(idx).flatMap(g => g.typed)])

/**
 * The glossary entry whose title (or acronym) the words name: all of them (`whole`), or all of its title's
 * words among them. A word naming an acronym (`namedAcronyms`: "CAs" is CA's plural, "CAS" is CAS) names
 * only that acronym's entry.
 */
function definitionEntry (idx: KbIndex, query: string, qWords: string[], whole: boolean): Section | undefined {
  const glossary = glossaryNames(idx)
  const named = namedAcronyms(query, acronymsOf(idx))
  const content = qWords.filter(w => !isStopWord(w))
  const qTerms = new Set(content.filter(w => acronymTypedAs(named, w) === undefined).map(term))
  let best: Section | undefined
  let bestSize = 0
  for (const g of glossary) {
    const ok = whole
      ? content.every(w => { const a = acronymTypedAs(named, w); return a !== undefined ? g.acronyms.includes(a) : g.names.has(term(w)) })
      : (g.title.length > 1 && g.title.every(t => qTerms.has(t))) || g.acronyms.some(a => named.has(a))
    if (ok && g.title.length > bestSize) { best = g.section; bestSize = g.title.length }
  }
  return best
}

/**
 * The definition card shown above the results: the glossary entry for a term the query names, when the
 * query is not itself asking for that definition (then the entry is a result), its first sentence; else an
 * acronym the query names with the spelled-out form the documents give it (`acronymCard`).
 */
export function definitionFor (idx: KbIndex, query: string): Definition | undefined {
  if (asksDefinition(idx, query)) return undefined
  const s = definitionEntry(idx, query, words(query), false)
  if (!s) return acronymCard(idx, query)
  const first = plain(s.text).split(/(?<=[.!?])\s+/)[0]!.trim()
  return { term: s.title, text: first, id: s.id }
}

/**
 * The first acronym the query names that has no glossary entry, spelled out as the documents spell it
 * ("TCPO: Trade Compliance Process Owner"), with the first section that spells it out: "TCPO meaning" or
 * "what does PFI stand for" is answered above the results, whichever passage ranks first.
 */
function acronymCard (idx: KbIndex, query: string): Definition | undefined {
  const named = namedAcronyms(query, idx.acronyms.map(a => a.acronym))
  if (named.size === 0) return undefined
  const typed = words(query).map(w => acronymTypedAs(named, w)).find(a => a !== undefined)
  const acronym = idx.acronyms.find(a => a.acronym.toLowerCase() === typed)
  if (!acronym) return undefined
  const spelled = idx.sections.find(s => s.terms.includes(acronym.acronym))
  return { term: acronym.acronym, text: acronym.expansion, ...(spelled ? { id: spelled.id } : {}) }
}
