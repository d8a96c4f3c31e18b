/**
 * The glossary in search: an entry takes a result slot only when the question asks what its term means
 * ("what is a PAT", "define account profile", "what does CAS stand for"); otherwise the entry of a term the
 * query names is a one-line definition card above the results (CLI and app).
 */
import { plain } from './text.js'
import { isStopWord, term, terms, words } from './tokens.js'
import type { Definition, KbIndex, Section } from './types.js'

/** "what is X", "what are X", "what's X", "who is X", "define X", "meaning of X"; "what does X mean / stand for". */
const QUESTION_FORM = /^\s*(?:(?:what|who)\s+(?:is|are)\b|what'?s\b|define\b|definition\b|meaning\b)|\b(?:mean|means|stand for|stands for)\s*\??\s*$/i
const DEFINING_WORDS = new Set(['what', 'whats', 'who', 'is', 'are', 'a', 'an', 'the', 'does', 'do', 'define', 'definition', 'meaning', 'mean', 'means', 'of', 'stand', 'stands', 'for', 'by', 'term', 'word', 'acronym'])

/**
 * The glossary entry a question asks the meaning of: "what is a PAT", "define account profile", "what does
 * CAS stand for". Asked in that form, and every other word of it names the entry (its title or acronym).
 */
export function asksDefinition (idx: KbIndex, query: string): Section | undefined {
  if (!QUESTION_FORM.test(query)) return undefined
  const rest = words(query).filter(w => !DEFINING_WORDS.has(w))
  if (rest.length === 0) return undefined
  return definitionEntry(idx, rest, true)
}

interface GlossaryName { section: Section, names: Set<string>, title: string[], acronyms: string[] }
const glossaryCache = new WeakMap<KbIndex, GlossaryName[]>()

/** The glossary entries with the terms that name them, computed once per index. */
function glossaryNames (idx: KbIndex): GlossaryName[] {
  let g = glossaryCache.get(idx)
  if (!g) {
    g = idx.sections.filter(s => s.glossary).map(s => ({
      section: s,
      names: new Set([...terms(s.title), ...s.terms.flatMap(t => terms(t))]),
      title: terms(s.title.replace(/\([^)]*\)/g, '')),
      acronyms: s.terms.filter(t => /^[A-Z][A-Z#]+$/.test(t)).map(t => term(t.toLowerCase()))
    }))
    glossaryCache.set(idx, g)
  }
  return g
}

/** The glossary entry whose title (or acronym) the words name: all of them (`whole`), or all of its title's words among them. */
function definitionEntry (idx: KbIndex, qWords: string[], whole: boolean): Section | undefined {
  const qTerms = new Set(qWords.filter(w => !isStopWord(w)).map(term))
  let best: Section | undefined
  let bestSize = 0
  for (const g of glossaryNames(idx)) {
    const ok = whole
      ? [...qTerms].every(t => g.names.has(t))
      : (g.title.length > 1 && g.title.every(t => qTerms.has(t))) || g.acronyms.some(a => qTerms.has(a))
    if (ok && g.title.length > bestSize) { best = g.section; bestSize = g.title.length }
  }
  return best
}

/**
 * The definition card shown above the results: the glossary entry for a term the query names, when the
 * query is not itself asking for that definition (then the entry is a result). Its first sentence.
 */
export function definitionFor (idx: KbIndex, query: string): Definition | undefined {
  if (asksDefinition(idx, query)) return undefined
  const s = definitionEntry(idx, words(query), false)
  if (!s) return undefined
  const first = plain(s.text).split(/(?<=[.!?])\s+/)[0]!.trim()
  return { term: s.title, text: first, id: s.id }
}
