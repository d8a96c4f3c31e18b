/**
 * Search: BM25 over per-field postings (titles and glossary terms weigh most), with the query widened by
 * acronyms (PFI ⇄ Primary Focus Industry) and typo corrections, then the best candidates re-ranked with
 * fuse.js against their titles, trails and terms — so a query that is nearly a heading wins. Fuse never
 * scans whole passages: the postings narrow thousands of sections to a few dozen first.
 */
import Fuse from 'fuse.js'
import { FIELDS } from './build-index.js'
import { isStopWord, term, terms, words } from './tokens.js'
import { corrections } from './typos.js'
import type { Field, Hit, KbIndex } from './types.js'

const FIELD_WEIGHT: Record<Field, number> = { title: 2.5, trail: 1.0, terms: 2.0, text: 1.0 }
const K1 = 1.2
/** Length normalisation per field: a long list of table labels should not bury the one that matches. */
const B: Record<Field, number> = { title: 0.5, trail: 0.5, terms: 0.2, text: 0.75 }
const RERANK = 8

interface QueryTerm {
  term: string
  weight: number
  words: string[]
  /** Terms of an acronym's spelled-out form: they count only in sections where they stand together. */
  group?: string[]
}

const avg = new WeakMap<KbIndex, Record<Field, number>>()
/** Each section's stemmed text as one string, built the first time a phrase is looked for in it. */
const stemmedText = new WeakMap<KbIndex, Map<number, string>>()

function stemmed (idx: KbIndex, i: number): string {
  let m = stemmedText.get(idx)
  if (!m) { m = new Map(); stemmedText.set(idx, m) }
  let t = m.get(i)
  if (t === undefined) {
    const s = idx.sections[i]!
    t = ` ${terms(`${s.title}\n${s.terms.join('\n')}\n${s.text}`).join(' ')} `
    m.set(i, t)
  }
  return t
}
const vocab = new WeakMap<KbIndex, Set<string>>()

function averages (idx: KbIndex): Record<Field, number> {
  let a = avg.get(idx)
  if (!a) {
    a = Object.fromEntries(FIELDS.map(f => [f, idx.lengths[f].reduce((x, y) => x + y, 0) / Math.max(1, idx.lengths[f].length) || 1])) as Record<Field, number>
    avg.set(idx, a)
  }
  return a
}

/** The query's terms, widened by acronyms and typo corrections. */
export function queryTerms (idx: KbIndex, query: string): QueryTerm[] {
  let known = vocab.get(idx)
  if (!known) { known = new Set(idx.vocabulary); vocab.set(idx, known) }
  const qWords = words(query)
  const out = new Map<string, QueryTerm>()
  const add = (t: string, weight: number, word: string, group?: string[]) => {
    const prev = out.get(t)
    if (!prev) out.set(t, { term: t, weight, words: [word], ...(group ? { group } : {}) })
    else { prev.weight = Math.max(prev.weight, weight); if (!prev.words.includes(word)) prev.words.push(word) }
  }
  for (const w of qWords) {
    if (isStopWord(w) || w.length < 2) continue
    const t = term(w)
    if (known.has(t)) add(t, 1, w)
    else {
      const found = corrections(t, idx.vocabulary, v => idx.postings.text[v]?.length ?? 0)
      found.forEach((c, rank) => add(c.term, (c.distance === 1 ? 0.85 : 0.6) * (rank === 0 ? 1 : 0.5), w))
    }
  }
  const direct = out.size
  // An acronym alone is looked up as its spelled-out form; beside other words it only nudges.
  const qTerms = terms(query).join(' ')
  const widen = direct <= 1 ? 0.8 : 0.3
  for (const a of idx.acronyms) {
    const acr = a.acronym.toLowerCase().replace(/#$/, '#')
    const expTerms = terms(a.expansion)
    // The spelled-out form as a whole weighs about as much as two words, however many words it has.
    if (qWords.includes(acr) || qWords.includes(acr + 's')) for (const t of expTerms) add(t, widen * Math.min(1, 2 / expTerms.length), acr, expTerms)
    else if (expTerms.length > 1 && ` ${qTerms} `.includes(` ${expTerms.join(' ')} `)) add(term(acr), widen, expTerms[0]!)
  }
  return [...out.values()]
}

export function search (idx: KbIndex, query: string, opts: { limit?: number } = {}): Hit[] {
  const limit = opts.limit ?? 10
  const qts = queryTerms(idx, query)
  if (qts.length === 0) return []
  const n = idx.sections.length
  const avgs = averages(idx)
  // Scores and, per section, a bitmask of which query words it matched (queries have few words).
  const scores = new Float64Array(n)
  const matched = new Uint32Array(n)
  const wordBit = new Map<string, number>()
  for (const q of qts) if (!wordBit.has(q.words[0]!) && wordBit.size < 32) wordBit.set(q.words[0]!, 1 << wordBit.size)
  // A spelled-out form counts where its words stand together ("Primary Focus Industries"), checked on
  // the stemmed text of the few sections that hold all of them.
  const phraseSeen = new Map<string, boolean>()
  const hasAll = (i: number, group: string[]) => {
    const key = `${i} ${group.join(' ')}`
    let seen = phraseSeen.get(key)
    if (seen === undefined) {
      seen = group.every(t => FIELDS.some(f => idx.postings[f][t]?.some(([j]) => j === i))) && stemmed(idx, i).includes(` ${group.join(' ')} `)
      phraseSeen.set(key, seen)
    }
    return seen
  }
  for (const q of qts) {
    const bit = wordBit.get(q.words[0]!) ?? 0
    for (const f of FIELDS) {
      const list = idx.postings[f][q.term]
      if (!list) continue
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5))
      const w = q.weight * FIELD_WEIGHT[f] * idf * (K1 + 1)
      const lengths = idx.lengths[f]
      const norm = K1 / avgs[f]
      for (const [i, tf] of list) {
        if (q.group && !hasAll(i, q.group)) continue
        scores[i] += w * tf / (tf + K1 * (1 - B[f]) + B[f] * norm * lengths[i]!)
        matched[i] |= bit
      }
    }
  }
  const distinctWords = wordBit.size
  const ranked: Array<[number, number]> = []
  for (let i = 0; i < n; i++) if (scores[i]! > 0) ranked.push([i, scores[i]! * (0.5 + popcount(matched[i]!) / distinctWords)])
  ranked.sort((a, b) => b[1] - a[1])
  ranked.length = Math.min(ranked.length, Math.max(RERANK, limit))
  return rerank(idx, query, ranked).slice(0, limit).map(([i, score]) => toHit(idx, i, score, qts))
}

function popcount (x: number): number {
  let c = 0
  for (; x; x &= x - 1) c++
  return c
}

/** Fuse over the candidates' headings and terms: a query close to a section's title lifts it. */
function rerank (idx: KbIndex, query: string, ranked: Array<[number, number]>): Array<[number, number]> {
  if (ranked.length < 2) return ranked
  const top = ranked[0]![1]
  const fuse = new Fuse(ranked.map(([i]) => i), {
    keys: [
      { name: 'title', getFn: i => idx.sections[i]!.title, weight: 2 },
      { name: 'terms', getFn: i => idx.sections[i]!.terms.slice(0, 8), weight: 1 }
    ],
    includeScore: true, ignoreLocation: true, threshold: 0.4
  })
  // Bitap costs grow with the pattern: match the query's content words only, at most 32 characters.
  const pattern = words(query).filter(w => !isStopWord(w)).join(' ').slice(0, 32)
  if (!pattern) return ranked
  const bonus = new Map(fuse.search(pattern).map(r => [r.item, (1 - (r.score ?? 1)) * 0.35 * top]))
  return ranked.map(([i, s]) => [i, s + (bonus.get(i) ?? 0)] as [number, number]).sort((a, b) => b[1] - a[1])
}

function toHit (idx: KbIndex, i: number, score: number, qts: QueryTerm[]): Hit {
  const s = idx.sections[i]!
  return {
    id: s.id, source: s.source, title: s.title, trail: s.trail, score: Math.round(score * 1000) / 1000,
    excerpt: excerpt(s.text, new Set(qts.map(q => q.term))), text: s.text, ...(s.local ? { local: true } : {})
  }
}

/** The lines of the text that contain a query term, matches marked **like this**, at most three. */
export function excerpt (text: string, wanted: ReadonlySet<string>, maxLines = 3, width = 220): string {
  const mark = (line: string) => line.replace(/[A-Za-z0-9]+(?:#s?)?/g, w => (wanted.has(term(w.toLowerCase())) ? `**${w}**` : w))
  const lines = text.split('\n').map(l => l.trim()).filter(Boolean)
  const hits = lines.filter(l => words(l).some(w => wanted.has(term(w))))
  return (hits.length ? hits : lines).slice(0, maxLines).map(l => {
    if (l.length <= width) return mark(l)
    const at = Math.max(0, l.toLowerCase().search(new RegExp([...wanted].map(t => t.replace(/[^a-z0-9#]/g, '')).filter(Boolean).join('|') || '$^')) - 60)
    return (at > 0 ? '…' : '') + mark(l.slice(at, at + width)) + '…'
  }).join('\n')
}

/** Glossary terms and acronyms closest to a query that found nothing. */
export function suggestTerms (idx: KbIndex, query: string, limit = 5): string[] {
  const entries = [...new Set([...idx.acronyms.map(a => `${a.expansion} (${a.acronym})`), ...idx.sections.flatMap(s => s.terms.filter(t => t.length > 4))])]
  return new Fuse(entries, { threshold: 0.6, ignoreLocation: true }).search(query.slice(0, 32), { limit }).map(r => r.item)
}
