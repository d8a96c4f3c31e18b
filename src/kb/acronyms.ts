/**
 * The acronym table, built from the content itself: every "Spelled Out Form (ACRONYM)" in the text whose
 * words' initials spell the acronym (skipping little words like "of" and "and"), and every glossary
 * heading of that form. A few acronyms the documents use but never spell out are added by hand below.
 */
import { isStopWord, queryWords } from './tokens.js'
import type { Acronym, Section } from './types.js'

/** Acronyms spelled like everyday words ("am", "it"); a stop word is one as well: they count typed in capitals. */
const EVERYDAY = new Set(['am', 'cat', 'ace', 'us', 'it'])

/** Per acronym list (the index's table, the glossary's), its acronyms lower-cased. */
const knownCache = new WeakMap<readonly string[], Set<string>>()

/**
 * The acronyms (lower-case, as the table spells them) a query names, each with the word it is typed as:
 * the acronym or its plural ("CAs" → ca: "cas"). An acronym that is itself another's plural counts as
 * typed: "CAS" (Computer Audit Specialists) is not "CAs" (Compliance Assessments), and "cas" in lower case
 * is CAS. One spelled like an everyday word ("AM", "IT") counts only in capitals: "can we give it".
 * Acronyms are compared unstemmed — the stemmer makes "CAS" and "CA" one term.
 */
export function namedAcronyms (query: string, acronyms: readonly string[]): Map<string, string> {
  let known = knownCache.get(acronyms)
  if (!known) { known = new Set(acronyms.map(a => a.toLowerCase())); knownCache.set(acronyms, known) }
  const qWords = new Set(queryWords(query))
  // Most queries name no acronym: one pass over their words says so.
  let any = false
  for (const w of qWords) if (known.has(w) || (w.endsWith('s') && known.has(w.slice(0, -1)))) { any = true; break }
  if (!any) return new Map()
  const typedPlurals = new Set([...query.matchAll(/\b([A-Z][A-Z#]*)s\b/g)].map(m => m[1]!.toLowerCase()).filter(a => known.has(a)).map(a => `${a}s`))
  const out = new Map<string, string>()
  for (const a of acronyms) {
    const acr = a.toLowerCase()
    const own = qWords.has(acr) && !typedPlurals.has(acr)
    const plural = qWords.has(`${acr}s`) && (!known.has(`${acr}s`) || typedPlurals.has(`${acr}s`))
    if ((own || plural) && (!(EVERYDAY.has(acr) || isStopWord(acr)) || new RegExp(`\\b${a}s?\\b`).test(query))) out.set(acr, own ? acr : `${acr}s`)
  }
  return out
}

/** The acronym a query word is typed for, from `namedAcronyms`' answer ("cas" → ca when typed "CAs"). */
export function acronymTypedAs (named: ReadonlyMap<string, string>, word: string): string | undefined {
  for (const [acr, typed] of named) if (typed === word) return acr
  return undefined
}

/** Used in the documents without being spelled out there. */
const NEVER_SPELLED_OUT: Acronym[] = [
  { acronym: 'TCPO', expansion: 'Trade Compliance Process Owner' },
  { acronym: 'CAT', expansion: 'Compliance Assessment Team' },
  { acronym: 'AAP', expansion: 'Account Activity Program' },
  { acronym: 'IR#', expansion: 'Importer of Record number' }
]

const MINOR = new Set(['of', 'and', 'the', 'for', 'to', 'on', 'in', '&', 'a'])
const CANDIDATE = /((?:[A-Za-z][\w/&-]*\s+){1,8})\(([A-Z][A-Za-z]{1,6}?)(?:s)?\)/g

/**
 * If the words before the parenthesis spell the acronym, the spelled-out form; else undefined. A final S is
 * first read as a letter of the acronym ("Computer Audit Specialists (CAS)"), then as a plural.
 */
export function expansionFor (before: string, acronym: string): string | undefined {
  const upper = acronym.toUpperCase()
  return spelledOut(before, upper) ?? (upper.endsWith('S') ? spelledOut(before, upper.slice(0, -1)) : undefined)
}

function spelledOut (before: string, acronym: string): string | undefined {
  const ws = before.trim().split(/\s+/)
  const letters = acronym.split('')
  let li = letters.length - 1
  let start = ws.length
  let first = ''
  for (let wi = ws.length - 1; wi >= 0 && li >= 0; wi--) {
    const w = ws[wi]!
    if (MINOR.has(w.toLowerCase()) && li < letters.length - 1) continue
    // a hyphenated or slashed word may carry two letters (Cargo Selectivity, Trade-Compliance)
    const parts = w.split(/([-/])/)
    let from = parts.length
    for (let pi = parts.length - 1; pi >= 0; pi -= 2) {
      if (li >= 0 && parts[pi]?.[0]?.toUpperCase() === letters[li]) { li--; from = pi }
    }
    if (from === parts.length) return undefined
    start = wi
    // The first word's parts before the one spelling the first letter are not part of the name
    // ("Specialist Division/National Import Specialists (NIS)").
    first = parts.slice(from).join('')
  }
  if (li >= 0) return undefined
  return [first, ...ws.slice(start + 1)].join(' ')
}

export function extractAcronyms (sections: readonly Section[]): Acronym[] {
  const found = new Map<string, string>()
  const add = (acronym: string, expansion: string) => {
    const key = acronym.toUpperCase()
    if (!found.has(key) || expansion.length < found.get(key)!.length) found.set(key, expansion)
  }
  for (const s of sections) {
    for (const source of [s.title, s.text]) {
      for (const m of source.matchAll(CANDIDATE)) {
        const exp = expansionFor(m[1]!, m[2]!)
        if (exp) add(m[2]!.replace(/s$/, ''), exp.replace(/^(the|new)\s+/i, ''))
      }
    }
  }
  for (const a of NEVER_SPELLED_OUT) if (!found.has(a.acronym)) add(a.acronym, a.expansion)
  return [...found].map(([acronym, expansion]) => ({ acronym, expansion })).sort((a, b) => a.acronym.localeCompare(b.acronym))
}
