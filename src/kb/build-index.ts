/**
 * Building the search index from sections: per-field postings (title, trail, glossary terms, text, the
 * phrases team members ask for it with) with
 * term frequencies and field lengths for BM25 scoring, the vocabulary for typo-tolerant lookup, and the
 * acronym table. The result is plain JSON, written at build time (npm run build) and loaded by `pat search`.
 */
import { extractAcronyms } from './acronyms.js'
import { familyTable } from './forms.js'
import { SLOTS } from './nearest-asked.js'
import { firstPartsOf } from './outline.js'
import { encodePostings, FIELDS, postingsText, type PostingList } from './postings.js'
import { sentenceTerms } from './text.js'
import { terms } from './tokens.js'
import { vocabularyText } from './vocabulary.js'
import type { Field, KbIndex, Postings, Section } from './types.js'

export { FIELDS }

function fieldText (s: Section, f: Field): string {
  switch (f) {
    case 'title': return s.title
    case 'trail': return s.trail.join(' ')
    case 'terms': return s.terms.join(' ')
    case 'text': return s.text
    case 'asked': return (s.asked ?? []).join('\n')
  }
}

export function buildIndex (sections: Section[], fingerprint: string): KbIndex {
  const acronyms = extractAcronyms(sections)
  // A section that spells out an acronym, or is a glossary entry for it, defines it: the acronym joins its terms.
  for (const s of sections) {
    for (const a of acronyms) {
      const defines = s.text.includes(`${a.expansion} (${a.acronym}`) || s.title.includes(`(${a.acronym})`) ||
        (s.terms.length > 0 && s.title.toLowerCase().startsWith(a.expansion.toLowerCase()))
      if (defines && !s.terms.includes(a.acronym)) s.terms = [...s.terms, a.acronym, ...(s.terms.includes(a.expansion) ? [] : [a.expansion])]
    }
  }
  const lists = Object.fromEntries(FIELDS.map(f => [f, {} as Record<string, PostingList>])) as Record<Field, Record<string, PostingList>>
  const lengths = Object.fromEntries(FIELDS.map(f => [f, [] as number[]])) as Record<Field, number[]>
  const vocabulary = new Set<string>()
  // Per asked term, beside each of its postings: which of the passage's phrases hold it (first parts only).
  const heldBy: Record<string, Array<number[] | undefined>> = {}
  const { firstParts, phrases } = askedPassages(sections)
  sections.forEach((s, i) => {
    for (const f of FIELDS) {
      const ts = terms(fieldText(s, f))
      lengths[f].push(ts.length)
      const tf = new Map<string, number>()
      for (const t of ts) { tf.set(t, (tf.get(t) ?? 0) + 1); vocabulary.add(t) }
      const held = f === 'asked' && firstParts.has(i) ? phrasesHolding(s.asked ?? []) : undefined
      for (const [t, n] of tf) {
        (lists[f][t] ??= []).push([i, n])
        if (f === 'asked') (heldBy[t] ??= []).push(held?.get(t))
      }
    }
  })
  const postings = Object.fromEntries(FIELDS.map(f => [f, postingsText(Object.entries(lists[f]).map(([t, l]) => [t, encodePostings(l, f === 'asked' ? heldBy[t] : undefined)]))])) as Record<Field, Postings>
  const sorted = [...vocabulary].sort()
  // The phrases are only indexed: searching reads their postings, so the sections are kept without them
  // (some 70 KB less for every cold `pat search` to parse).
  const stored = sections.map(({ asked: _asked, ...rest }) => rest)
  return { version: 7, fingerprint, sections: stored, postings, lengths, vocabulary: vocabularyText(sorted), acronyms, sentenceTerms: sections.map(s => sentenceTerms(s.text)), families: familyTable(sorted), phrases }
}

/** The sections that are a passage's first part (every part carries the passage's phrases), and how many phrases those hold. */
function askedPassages (sections: Section[]): { firstParts: Set<number>, phrases: number } {
  const first = firstPartsOf(sections)
  const firstParts = new Set<number>()
  let phrases = 0
  sections.forEach((s, i) => {
    if (first[i] !== i) return
    firstParts.add(i)
    phrases += Math.min(SLOTS - 1, s.asked?.length ?? 0)
  })
  return { firstParts, phrases }
}

/** Each term of a passage's asked phrases → the numbers of the phrases holding it (the first SLOTS − 1 phrases). */
function phrasesHolding (asked: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>()
  asked.slice(0, SLOTS - 1).forEach((phrase, n) => {
    for (const t of new Set(terms(phrase))) {
      const list = out.get(t)
      if (list) list.push(n)
      else out.set(t, [n])
    }
  })
  return out
}
