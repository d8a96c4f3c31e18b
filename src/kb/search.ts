/**
 * Search: the query's words read as the documents write them (forms, typo corrections, acronyms and their
 * spelled-out forms, the thesaurus, what a question's form asks for), BM25 over per-field postings to narrow
 * the sections to a few candidates, then each candidate re-scored by its best sentence (or two neighbouring
 * ones), lifted a little when the query is nearly its heading, and by how near one of the questions team members
 * ask for it comes to the query (nearest-asked.ts). docs/search.md explains each step and the
 * measurements behind it. Sentences live in passage.ts, excerpts in excerpt.ts, the glossary in definitions.ts.
 */
import Fuse from 'fuse.js'
import { acronymTypedAs, namedAcronyms } from './acronyms.js'
import { asksDefinition } from './definitions.js'
import { excerptOf } from './excerpt.js'
import { baseWord, formsIn, formsOf } from './forms.js'
import { byIntent, intentModel } from './intent.js'
import { byMeaning, meaningTables } from './meaning.js'
import { meaningWords } from './meaning-words.js'
import { oncePerIndex, perIndex } from './memo.js'
import { nearestAsked, withNearest } from './nearest-asked.js'
import { firstParts, subSectionIndices } from './outline.js'
import { sentenceData, sentencesOf, type Sentences } from './passage.js'
import { FIELDS, postingList, textFrequency } from './postings.js'
import { answerForm, askedCount, definingSentence, hasForm, listItems, roleTerms, type AnswerForm, type Defining } from './question.js'
import { PHRASES, QUESTION_WORDS, synonymsOf } from './thesaurus.js'
import { isStopWord, queryWords, term, terms } from './tokens.js'
import { corrections } from './typos.js'
import type { Field, Hit, KbIndex } from './types.js'
import { knownTerms, vocabularyList, type Known } from './vocabulary.js'
import { WEIGHTS, type Weights } from './weights.js'

interface QueryTerm {
  term: string
  weight: number
  words: string[]
  /** Terms of an acronym's spelled-out form: they count only in sections where they stand together. */
  group?: string[]
  /** A thesaurus or question-word expansion: it adds to the score but does not count as a matched query word. */
  soft?: boolean
  /** An acronym (or its spelled-out form) named beside other words: an actor of the question, not its subject. */
  actor?: boolean
}

/** Each section's stemmed text as one string, built the first time a phrase is looked for in it. */
const stemmedText = perIndex<string, number>()

function stemmed (idx: KbIndex, i: number): string {
  return stemmedText(idx, i, () => {
    const s = idx.sections[i]!
    return ` ${terms(`${s.title}\n${s.terms.join('\n')}\n${s.text}`).join(' ')} `
  })
}
/** Per index, the sections where a spelled-out form's words stand together (only the index decides it). */
const phraseHolders = perIndex<Set<number>>()

/** Each field's mean length over the sections: BM25's length normalisation. */
const averages = oncePerIndex((idx: KbIndex) =>
  Object.fromEntries(FIELDS.map(f => [f, idx.lengths[f].reduce((x, y) => x + y, 0) / Math.max(1, idx.lengths[f].length) || 1])) as Record<Field, number>)

const PRONOUNS: ReadonlySet<string> = new Set(['us', 'them', 'him', 'her', 'me', 'you', 'it'])

/** A query's everyday phrases ("take part") and its other words: a phrase is looked up as the documents' words for it. */
function phrasesOf (all: string[]): { qWords: string[], phrases: Array<{ first: string, terms: readonly string[] }> } {
  const phrases: Array<{ first: string, terms: readonly string[] }> = []
  const inPhrase = new Set<number>()
  for (let k = 0; k + 1 < all.length; k++) {
    if (inPhrase.has(k)) continue
    // Three words ("on the hook"), else two side by side or with a pronoun between them ("let them know").
    const three = k + 2 < all.length ? PHRASES[`${all[k]} ${all[k + 1]} ${all[k + 2]}`] : undefined
    const gap = !three && PRONOUNS.has(all[k + 1]!) && PHRASES[`${all[k]} ${all[k + 2]}`] ? 1 : 0
    const expansion = three ?? PHRASES[`${all[k]} ${all[k + 1 + gap]}`]
    if (expansion) {
      phrases.push({ first: all[k]!, terms: expansion })
      for (let j = k; j <= k + (three ? 2 : 1 + gap); j++) inPhrase.add(j)
    }
  }
  return { qWords: inPhrase.size ? all.filter((_, k) => !inPhrase.has(k)) : all, phrases }
}

/** Adds a term for a query word, or raises one already added (its best weight, every word it stands for). */
type AddTerm = (t: string, weight: number, word: string, group?: string[], soft?: boolean) => void

/** The query's terms, widened by acronyms and typo corrections. */
export function queryTerms (idx: KbIndex, query: string, w: Weights = WEIGHTS): QueryTerm[] {
  const known = knownTerms(idx)
  const { qWords, phrases } = phrasesOf(queryWords(query))
  const out = new Map<string, QueryTerm>()
  const add: AddTerm = (t, weight, word, group, soft = false) => {
    const prev = out.get(t)
    if (!prev) out.set(t, { term: t, weight, words: [word], ...(group ? { group } : {}), ...(soft ? { soft } : {}) })
    else {
      if (prev.soft && !soft) { prev.soft = undefined; prev.words = [word] }
      prev.weight = Math.max(prev.weight, weight)
      if (!prev.words.includes(word)) prev.words.push(word)
    }
  }
  addWordTerms(idx, known, qWords, w, add)
  for (const p of phrases) for (const t of p.terms.map(term)) if (known.has(t)) add(t, w.standIn, p.first)
  const direct = out.size
  addEverydayTerms(idx, known, qWords, w, add)
  for (const t of addAcronymTerms(idx, query, direct, w, add)) { const q = out.get(t); if (q) q.actor = true }
  return [...out.values()]
}

/** Each query word as the documents write it: its term (or base word's), its other forms, its typo corrections. */
function addWordTerms (idx: KbIndex, known: Known, qWords: readonly string[], w: Weights, add: AddTerm): void {
  for (const [k, word] of qWords.entries()) {
    if (isStopWord(word) || word.length < 2) continue
    // "How often" asks for a cadence (QUESTION_WORDS answers it with the documents' cadence words): the
    // word itself would only meet "often-encountered" and "more often than not".
    if (qWords[k - 1] === 'how' && (word === 'often' || word === 'frequently')) continue
    // "keeps stonewalling", "keeps turning up": it goes on happening; record-keeping is another matter.
    if ((word === 'keep' || word === 'keeps') && qWords[k + 1]?.endsWith('ing')) continue
    // An irregular form the documents do not use is looked up as its base word ("chose" → choose).
    const t = known.has(term(word)) ? term(word) : term(baseWord(word))
    // The word's other forms in the documents ("notify" → notification) count as the word itself — those
    // the documents use at least as often: a common word's rarer forms ("compliance" → compliant) add noise.
    const df = known.has(t) ? textFrequency(idx, t) : 0
    const forms = (idx.families ? formsIn(t, idx.families, known) : formsOf(t, vocabularyList(idx))).filter(f => textFrequency(idx, f) >= df)
    if (known.has(t)) add(t, 1, word)
    for (const f of forms) add(f, w.form, word)
    // Short words are not corrected: "long" is not a typo of "log", nor "pick" of "pack".
    if (!known.has(t) && forms.length === 0 && synonymsOf(word, term, true).length === 0 && word.length >= 5) {
      const found = corrections(t, vocabularyList(idx), v => textFrequency(idx, v))
      found.forEach((c, rank) => add(c.term, (c.distance === 1 ? w.typo1 : w.typo2) * (rank === 0 ? 1 : 0.5), word))
    }
  }
}

/** Everyday words as the documents' words for the same idea; question words as how such questions are answered. */
function addEverydayTerms (idx: KbIndex, known: Known, qWords: readonly string[], w: Weights, add: AddTerm): void {
  for (const word of qWords) {
    // A word the documents never use is matched only through their words for it: those stand in for it.
    const absent = !isStopWord(word) && !known.has(term(word))
    for (const syn of synonymsOf(word, term, absent)) {
      const t = term(syn)
      if (known.has(t) && t !== term(word)) add(t, absent ? w.standIn : w.thesaurus, word, undefined, !absent)
    }
  }
  // ("who's" loses its apostrophe with the other contractions: it still asks who)
  const q = ` ${qWords.join(' ')} `.replaceAll(' whos ', ' who is ')
  for (const { pattern, terms: answers } of QUESTION_WORDS) {
    if (pattern.test(q)) for (const a of answers) { const t = term(a); if (known.has(t)) add(t, w.question, a, undefined, true) }
  }
  // "Who …" is answered by a role: the documents' names for their offices, teams and people.
  if (w.role > 0 && /^\s*who\b|\bwho (?:is|are|does|do|should|must|can|will)\b/.test(q)) for (const t of roleTerms(idx)) add(t, w.role, t, undefined, true)
}

interface AcronymTable { acronyms: string[], expansions: Map<string, string>, entries: Array<{ acr: string, expTerms: string[] }> }
/** The index's acronyms, lower-cased, with their spelled-out forms' terms: stemmed once per index, not per query. */
const acronymTable = oncePerIndex((idx: KbIndex): AcronymTable => ({
  acronyms: idx.acronyms.map(a => a.acronym),
  expansions: new Map(idx.acronyms.map(a => [a.acronym.toLowerCase(), a.expansion])),
  entries: idx.acronyms.map(a => ({ acr: a.acronym.toLowerCase(), expTerms: terms(a.expansion) }))
}))

/**
 * The query with the acronyms it names written out ("what is a CA" → "what is a Compliance Assessment"): the
 * documents define a thing under its spelled-out name ("A compliance assessment is …").
 */
function spelledOut (idx: KbIndex, query: string): string {
  const { acronyms, expansions } = acronymTable(idx)
  const named = namedAcronyms(query, acronyms)
  if (named.size === 0) return query
  return query.replace(/\b[A-Za-z][A-Za-z#]*\b/g, w => {
    const acr = acronymTypedAs(named, w.toLowerCase())
    return (acr && expansions.get(acr)) ?? w
  })
}

/**
 * The acronyms the query names, looked up as their spelled-out forms (and a spelled-out form as its acronym);
 * returns the terms of those that act in the question (`direct`: how many terms the query's own words gave).
 */
function addAcronymTerms (idx: KbIndex, query: string, direct: number, w: Weights, add: AddTerm): Set<string> {
  // An acronym alone is looked up as its spelled-out form; beside other words it only nudges.
  const qTerms = terms(query).join(' ')
  const widen = direct <= 1 ? w.acronymAlone : w.acronymBeside
  // "How does NASC pick accounts": the NASC acts; the passage on what it does answers, not the one whose
  // heading names it (the office's own description). Unless the question asks what the acronym means.
  const actors = direct > 1 && !definingSentence(query)
  const actorTerms = new Set<string>()
  const { acronyms, entries } = acronymTable(idx)
  const named = namedAcronyms(query, acronyms)
  for (const { acr, expTerms } of entries) {
    // The spelled-out form as a whole weighs about as much as two words, however many words it has.
    const word = named.get(acr)
    if (word !== undefined) {
      // (under the word as typed — "CAs" — so the form and the acronym's own term count as one idea)
      for (const t of expTerms) add(t, widen * Math.min(1, 2 / expTerms.length), word, expTerms)
      if (actors) for (const t of [term(acr), ...expTerms]) actorTerms.add(t)
    } else if (expTerms.length > 1 && ` ${qTerms} `.includes(` ${expTerms.join(' ')} `)) add(term(acr), widen, expTerms[0]!)
  }
  return actorTerms
}

/**
 * BM25 narrows the sections to `rerankSentences` candidates; each candidate's score is then its BM25 score
 * (to the power bm25Power) times (sentenceBase + the share of the query its best sentence holds)^sentencePower:
 * the passage whose one sentence answers beats one that mentions the words apart. `weights` is for the tuner; callers leave it out.
 */
export function search (idx: KbIndex, query: string, opts: { limit?: number, weights?: Weights } = {}): Hit[] {
  const limit = opts.limit ?? 10
  const w = opts.weights ?? WEIGHTS
  const qts = queryTerms(idx, query, w)
  const definition = asksDefinition(idx, query)
  // "What is an ITS": every word a stop word but the glossary entry it asks for.
  if (qts.length === 0) return definition ? [toHit(idx, idx.sections.indexOf(definition), 1, qts)] : []
  const scores = bm25(idx, qts, w)
  // The `keep` best-scoring sections, found without sorting them all: the keep-th best score is the bar.
  // The same number whatever the limit, so `pat search -n 5`, the app's 20 and the bench's 10 agree on
  // their first results; a limit past them is filled in BM25's order below (`moreByBm25`).
  const keep = w.rerankSentences
  let count = 0
  const positive = new Float64Array(scores.length)
  for (let i = 0; i < scores.length; i++) {
    // A glossary entry's first sentence only defines its term: it answers only a question asking what the
    // term means. Otherwise an entry takes a slot only by what it says past it ("For large PFI accounts,
    // Compliance Assessment will be the account evaluation"), and competes by that alone (`glossaryAdds`).
    if (scores[i]! > 0 && !definition && idx.sections[i]!.glossary && !saysMore(sentenceData(idx, i), qts)) scores[i] = 0
    if (scores[i]! > 0) positive[count++] = scores[i]!
  }
  const bar = count > keep ? positive.subarray(0, count).sort()[count - keep]! : 0
  const ranked: Array<[number, number]> = []
  for (let i = 0; i < scores.length; i++) if (scores[i]! > 0 && scores[i]! >= bar) ranked.push([i, scores[i]!])
  ranked.sort((a, b) => b[1] - a[1])
  const defining = definingSentence(spelledOut(idx, query))
  // A passage defining what the question asks about stays a candidate however little else it matches.
  // (the pattern is tried only on sections whose text holds the subject's first word: it is slow on long texts)
  const first = defining?.subject.find(w => !isStopWord(w))
  const inRanked = new Set(ranked.slice(0, keep).map(([i]) => i))
  const definers: Array<[number, number]> = []
  if (defining && first) {
    for (const [j] of postingList(idx, 'text', term(first)) ?? []) {
      if (scores[j]! > 0 && !inRanked.has(j) && defining.sentence.test(idx.sections[j]!.text)) definers.push([j, scores[j]!])
    }
  }
  ranked.length = Math.min(ranked.length, keep)
  ranked.push(...definers.sort((a, b) => b[1] - a[1] || a[0] - b[0]))
  // "What are the 5 steps of …": a passage listing that many things stays a candidate too. Which sections
  // list them is found once, here, for the candidates and the rest alike.
  const listing = listingSections(idx, query, qts, scores)
  const candidates = new Set(ranked.map(([i]) => i))
  for (const j of listing) if (!candidates.has(j)) ranked.push([j, scores[j]!])
  // Per re-scored section, the sentence that scored best: the excerpt shows it.
  const answerAt = new Map<number, number>()
  const grouped = groupParts(idx, rerank(idx, qts, bySentence(idx, query, qts, ranked, w, { defining, listing, glossaryAdds: !definition }, answerAt), w))
  const admit = (i: number) => Boolean(definition) || !idx.sections[i]!.glossary || saysMore(sentenceData(idx, i), qts)
  // (an index without asked phrases — a test's, say — keeps BM25 and the sentences' scores as they are)
  const nearest = w.nearest > 0 && (idx.phrases ?? 0) > 0 ? withNearest(idx, grouped, nearestAsked(idx, qts), scores, w.nearest, admit) : grouped
  const words = meaningWords(query)
  const tables = w.meaning > 0 || w.intent > 0 ? meaningTables(idx) : undefined
  const near = w.meaning > 0 ? byMeaning(nearest, words, w.meaning, tables) : nearest
  const reranked = w.intent > 0 ? byIntent(idx, near, words, w.intent, intentModel(idx), tables?.words) : near
  if (reranked.length < limit) reranked.push(...moreByBm25(idx, scores, candidates, reranked, limit - reranked.length))
  return reranked.slice(0, limit).map(([i, score]) => toHit(idx, i, score, qts, answerAt.get(i)))
}

/** Whether a sentence past a glossary entry's definition holds a word of the query other than the entry's own term. */
function saysMore ({ sets }: Sentences, qts: QueryTerm[]): boolean {
  const ownTerm = sets[0]!
  for (let j = 2; j < sets.length; j++) if (qts.some(q => !q.soft && !q.group && !ownTerm.has(q.term) && sets[j]!.has(q.term))) return true
  return false
}

/**
 * Past the re-scored candidates, the other matching sections in BM25's order (a long section once), each
 * scored below the last re-scored result so the list stays in order.
 */
function moreByBm25 (idx: KbIndex, scores: Float64Array, taken: ReadonlySet<number>, shown: Array<[number, number]>, need: number): Array<[number, number]> {
  const rest: Array<[number, number]> = []
  for (let i = 0; i < scores.length; i++) if (scores[i]! > 0 && !taken.has(i)) rest.push([i, scores[i]!])
  rest.sort((a, b) => b[1] - a[1])
  const floor = (shown.at(-1)?.[1] ?? 1) * 0.99
  const top = rest[0]?.[1] ?? 1
  const first = firstParts(idx)
  const passages = new Set(shown.map(([i]) => first[i]!))
  const out: Array<[number, number]> = []
  for (const [i, s] of rest) {
    if (out.length >= need) break
    if (passages.has(first[i]!)) continue
    passages.add(first[i]!)
    out.push([i, floor * s / top])
  }
  return out
}

/** BM25 per field, times how many of the query's own words (not its expansions) a section matched. */
function bm25 (idx: KbIndex, qts: QueryTerm[], wt: Weights): Float64Array {
  const n = idx.sections.length
  const avgs = averages(idx)
  // Scores and, per section, a bitmask of which query words it matched (queries have few words).
  const scores = new Float64Array(n)
  const matched = new Uint32Array(n)
  const wordBit = new Map<string, number>()
  for (const q of qts) if (!q.soft && !wordBit.has(q.words[0]!) && wordBit.size < 32) wordBit.set(q.words[0]!, 1 << wordBit.size)
  // A spelled-out form counts where its words stand together ("Primary Focus Industries"), checked on
  // the stemmed text of the few sections that hold all of them.
  const hasAll = (i: number, group: string[]) => {
    const key = group.join(' ')
    return phraseHolders(idx, key, () => {
      // Sections holding every word of the group (in any field), then those where they stand together.
      const holding = group.map(t => new Set(FIELDS.flatMap(f => (postingList(idx, f, t) ?? []).map(([j]) => j))))
      return new Set([...holding[0]!].filter(j => holding.every(h => h.has(j)) && stemmed(idx, j).includes(` ${key} `)))
    }).has(i)
  }
  // A query word's terms (its forms, typo corrections) count once per section: the best of them, so a
  // word with several forms in the documents does not count twice.
  const groupOf = wordGroups(qts)
  const size = new Map<number, number>()
  for (const g of groupOf) size.set(g, (size.get(g) ?? 0) + 1)
  // best[g * n + i]: the best term of a word with several terms, per section (most words have one term,
  // added straight to the scores).
  const multi = [...size].filter(([, c]) => c > 1).map(([g]) => g)
  const slot = new Map(multi.map((g, j) => [g, j]))
  const best = new Float64Array(multi.length * n)
  const one = new Float64Array(n)
  const concepts = acronymConcepts(qts, k => slot.has(groupOf[k]!), n)
  for (let k = 0; k < qts.length; k++) {
    const q = qts[k]!
    const bit = q.soft ? 0 : wordBit.get(q.words[0]!) ?? 0
    const j = slot.get(groupOf[k]!)
    const into = concepts.into.get(k) ?? (j === undefined ? scores : one)
    if (j !== undefined) one.fill(0)
    for (const f of FIELDS) {
      const list = wt.field[f] > 0 ? postingList(idx, f, q.term) : undefined
      if (!list) continue
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5))
      const w = q.weight * wt.field[f] * idf * (wt.k1 + 1) * (q.actor && (f === 'title' || f === 'terms') ? wt.actorHeading : 1)
      const lengths = idx.lengths[f]
      const norm = wt.k1 / avgs[f]
      const b = wt.b[f]
      for (const [i, tf] of list) {
        if (q.group && !hasAll(i, q.group)) continue
        into[i]! += w * tf / (tf + wt.k1 * (1 - b) + b * norm * lengths[i]!) // typed arrays sized to the sections
        matched[i]! |= bit
      }
    }
    if (j !== undefined) for (let i = 0; i < n; i++) if (one[i]! > best[j * n + i]!) best[j * n + i] = one[i]!
  }
  for (let j = 0; j < multi.length; j++) for (let i = 0; i < n; i++) scores[i]! += best[j * n + i]!
  for (const { acronym, spelled } of concepts.pairs) for (let i = 0; i < n; i++) scores[i]! += Math.max(acronym[i]!, spelled[i]!)
  const distinctWords = Math.max(1, wordBit.size)
  for (let i = 0; i < n; i++) if (scores[i]! > 0) scores[i] = scores[i]! * (wt.coverageBase + popcount(matched[i]!) / distinctWords)
  return scores
}

/**
 * An acronym named in the query and its spelled-out form are one idea: a section holding both ("Compliance
 * Improvement Plan (CIP)", a form's heading) counts the better of the two, not their sum. Routes the terms
 * of each such pair (`into`: query-term index → its buffer) into per-section sums, added as their maximum.
 * A term that also stands for other words (`shared`: typo corrections, forms) keeps its own counting.
 */
function acronymConcepts (qts: QueryTerm[], shared: (k: number) => boolean, n: number): { into: Map<number, Float64Array>, pairs: Array<{ acronym: Float64Array, spelled: Float64Array }> } {
  const into = new Map<number, Float64Array>()
  const pairs: Array<{ acronym: Float64Array, spelled: Float64Array }> = []
  for (let k = 0; k < qts.length; k++) {
    const q = qts[k]!
    if (q.soft || q.group || q.term !== term(q.words[0]!) || shared(k)) continue
    const spelledTerms = qts.flatMap((x, m) => (x.group && x.words[0] === q.words[0] && !shared(m) ? [m] : []))
    if (spelledTerms.length === 0) continue
    const pair = { acronym: new Float64Array(n), spelled: new Float64Array(n) }
    into.set(k, pair.acronym)
    for (const m of spelledTerms) into.set(m, pair.spelled)
    pairs.push(pair)
  }
  return { into, pairs }
}

function popcount (x: number): number {
  let c = 0
  for (; x; x &= x - 1) c++
  return c
}

/** Sums, over the terms added since `start()`, the best weight of each term group (a word's terms count once). */
class GroupSum {
  sum = 0
  private stamp = 0
  private readonly seen: Int32Array
  private readonly best: Float64Array
  constructor (groups: number, private readonly groupOf: readonly number[], private readonly weights: readonly number[]) {
    this.seen = new Int32Array(groups)
    this.best = new Float64Array(groups)
  }

  start (): void { this.stamp++; this.sum = 0 }

  add (k: number): void {
    const g = this.groupOf[k]!
    // A stamp per sum marks a group's slot as fresh: no clearing between sentences.
    if (this.seen[g] !== this.stamp) { this.seen[g] = this.stamp; this.best[g] = 0 }
    const v = this.weights[k]!
    if (v > this.best[g]!) { this.sum += v - this.best[g]!; this.best[g] = v }
  }
}

/** What a sentence is scored against: the query's terms and pairs, weighed once per query. */
interface SentenceQuery {
  qts: QueryTerm[]
  w: Weights
  /** Per query term, its weight × rarity (0 for an acronym's spelled-out words: they count whole, as the acronym). */
  weights: number[]
  one: GroupSum
  two: GroupSum
  pairs: Array<readonly [number, number]>
  pairKeys: string[]
  spelled: Array<{ k: number, terms: string[], keys: string[] }>
  /** The form of sentence the question asks for, and the factor a sentence of that form counts. */
  form: AnswerForm | undefined
  lift: number
  /** The most two sentences can hold together (every term group, soft ones too): past it a window cannot win. */
  ceiling: number
}

/** The weight of each answer form's lift. */
const FORM_WEIGHT: Record<AnswerForm, 'quantity' | 'condition' | 'extent'> = { figure: 'quantity', condition: 'condition', extent: 'extent' }

/** How much of the query (by term weight × rarity) the best single sentence of each candidate holds. */
function bySentence (idx: KbIndex, query: string, qts: QueryTerm[], ranked: Array<[number, number]>, w: Weights, { defining, listing, glossaryAdds }: Asked = {}, answerAt?: Map<number, number>): Array<[number, number]> {
  const n = idx.sections.length
  // The words of an acronym's spelled-out form count only standing whole, as the acronym (`spelledForms`):
  // one of them alone ("compliance" of Compliance Improvement Plan) says nothing of the acronym.
  const weights = qts.map(q => {
    if (q.group) return 0
    const df = textFrequency(idx, q.term)
    return q.weight * Math.log(1 + (n - df + 0.5) / (df + 0.5))
  })
  // A query word's terms (its forms, typo corrections) count once: the best of them a sentence holds.
  const groupOf = wordGroups(qts)
  const groups = Math.max(0, ...groupOf) + 1
  const own = new Float64Array(groups)
  const most = new Float64Array(groups)
  for (let k = 0; k < qts.length; k++) {
    const g = groupOf[k]!
    if (!qts[k]!.soft) own[g] = Math.max(own[g]!, weights[k]!)
    most[g] = Math.max(most[g]!, weights[k]!)
  }
  const total = own.reduce((x, y) => x + y, 0) || 1
  // "How much" is answered by a figure ("At least 50% of the account's imports"), "what if" by a condition
  // ("If your account is on the CA list, …"): a sentence of that form (or two neighbours, one of which is)
  // counts `quantity` / `condition` times more. A factor, not an added share: a share added to every such
  // sentence flattens the differences between what the sentences hold.
  const form = answerForm(query)
  const sq: SentenceQuery = {
    qts,
    w,
    weights,
    one: new GroupSum(groups, groupOf, weights),
    two: new GroupSum(groups, groupOf, weights),
    ...queryPairs(query, qts),
    spelled: spelledForms(qts),
    form,
    lift: 1 + (form === undefined ? 0 : w[FORM_WEIGHT[form]]),
    ceiling: most.reduce((x, y) => x + y, 0)
  }
  return ranked.map(([i, s]) => {
    const { best, at } = bestSentence(sentenceData(idx, i), sq, glossaryAdds && idx.sections[i]!.glossary ? 2 : 1)
    if (at !== undefined) answerAt?.set(i, at)
    const defines = defining ? definesBy(idx.sections[i]!.title, sentenceData(idx, i).texts, defining) : 0
    const lists = listing?.has(i) ? w.lists : 0
    return [i, Math.pow(s, w.bm25Power) * Math.pow(w.sentenceBase + Math.min(w.sentenceCap, best / total) + defines * w.defines + lists, w.sentencePower)] as [number, number]
  }).sort((a, b) => b[1] - a[1])
}

/**
 * What the best sentence of a section — or two neighbouring ones, at `window` of their worth — holds of the
 * query, from its sentence `from` on (1, the first; 2 skips a glossary entry's definition).
 */
function bestSentence (data: Sentences, { qts, w, weights, one, two, pairs, pairKeys, spelled, form, lift, ceiling }: SentenceQuery, from = 1): { best: number, at: number | undefined } {
  const { texts, sets, pairs: sentencePairs, heading } = data
  const title = heading ?? sets[0]!
  const { live, inTitle, livePairs } = liveTerms(data, title, qts, pairs)
  let best = 0
  // Which sentence scored best (an index of `texts`): the excerpt shows it; of two read as one, the first.
  let at: number | undefined
  let cur = new Uint8Array(live.length)
  let prev = new Uint8Array(live.length)
  let prevOfForm = false
  for (let j = from; j < sets.length; j++) {
    const sentence = sets[j]!
    one.start()
    for (let m = 0; m < live.length; m++) {
      cur[m] = inTitle[m] || sentence.has(qts[live[m]!]!.term) ? 1 : 0
      if (cur[m]) one.add(live[m]!)
    }
    for (const sp of spelled) if (sp.keys.every(key => sentencePairs[j]!.has(key)) || sp.terms.every(t => title.has(t))) one.add(sp.k)
    const ofForm = form !== undefined && hasForm(form, sentence, texts[j - 1]!)
    let v = ofForm ? one.sum * lift : one.sum
    for (const p of livePairs) {
      if (sentencePairs[j]!.has(pairKeys[p]!)) { const [a, b] = pairs[p]!; v += w.phrase * (weights[a]! + weights[b]!) / 2 }
    }
    if (v > best) { best = v; at = j - 1 }
    // Two neighbouring sentences read as one, at `window` of their worth: an answer often takes two
    // ("The NASC selects the account. It then tells the port.").
    if (w.window > 0 && j > from && w.window * ceiling * lift > best) {
      two.start()
      for (let m = 0; m < live.length; m++) if (cur[m] || prev[m]) two.add(live[m]!)
      const both = w.window * two.sum * (ofForm || prevOfForm ? lift : 1)
      if (both > best) { best = both; at = j - 2 }
    }
    [cur, prev] = [prev, cur]
    prevOfForm = ofForm
  }
  return { best, at }
}

/** A list a question asks for: how many things, and the terms naming what they are of ("account management"). */
interface ListAsked { count: number, subject: string[], says: RegExp }

/**
 * What the question's form asks for: the definition of a subject, or a list of so many things (the sections
 * listing them); `glossaryAdds`: no definition, so a glossary entry counts only what it says past its first sentence.
 */
interface Asked { defining?: Defining | undefined, listing?: ReadonlySet<number>, glossaryAdds?: boolean }

/** "What are the 5 steps of account management": 5, and the query's own terms other than "5 steps". */
function listAsked (query: string, qts: QueryTerm[]): ListAsked | undefined {
  const asked = askedCount(query)
  if (!asked) return undefined
  const asking = new Set(asked.words.map(term))
  // (the words' own terms: not the acronym of a spelled-out form, "AM" for "account management")
  return { count: asked.count, says: asked.says, subject: [...new Set(qts.filter(q => !q.soft && !q.group && q.term === term(q.words[0]!) && !asking.has(q.term)).map(q => q.term))] }
}

/** The sections (of those the query matched) listing as many things as it asks for, when it asks for a list. */
function listingSections (idx: KbIndex, query: string, qts: QueryTerm[], scores: Float64Array): Set<number> {
  const out = new Set<number>()
  const list = listAsked(query, qts)
  if (list) for (let j = 0; j < scores.length; j++) if (scores[j]! > 0 && lists(idx, j, list)) out.add(j)
  return out
}

/**
 * A section listing as many things as asked (its sub-sections, else its top-level list items) or saying so
 * ("four major types"), and naming every subject term.
 */
function lists (idx: KbIndex, i: number, list: ListAsked): boolean {
  const children = subSectionIndices(idx, i).length
  const text = idx.sections[i]!.text
  if ((children > 0 ? children : listItems(text)) !== list.count && !list.says.test(text)) return false
  const { all, heading } = sentenceData(idx, i)
  return list.subject.every(t => all?.has(t) || heading?.has(t))
}

/** The query terms (and neighbouring pairs) a candidate holds in a sentence or its headings: the rest are skipped for every sentence. */
function liveTerms ({ all }: Sentences, title: Set<string>, qts: QueryTerm[], pairs: ReadonlyArray<readonly [number, number]>): { live: number[], inTitle: boolean[], livePairs: number[] } {
  const live: number[] = []
  const inTitle: boolean[] = []
  for (let k = 0; k < qts.length; k++) {
    const t = qts[k]!.term
    const heading = title.has(t)
    if (heading || !all || all.has(t)) { live.push(k); inTitle.push(heading) }
  }
  const livePairs: number[] = []
  for (let p = 0; p < pairs.length; p++) {
    const [a, b] = pairs[p]!
    if (!all || (all.has(qts[a]!.term) && all.has(qts[b]!.term))) livePairs.push(p)
  }
  return { live, inTitle, livePairs }
}

/**
 * For a question asking what something is, how far a section defines it: 1 when a sentence (or a title
 * "Definition of …") does, ½ when its title is the bare term (it is about it, not necessarily defining it).
 */
function definesBy (title: string, texts: string[], defining: Defining): number {
  const byTitle = defining.title.test(title) ? (/\bdefinition\b/i.test(title) ? 1 : 0.5) : 0
  return byTitle === 1 || texts.some(t => defining.sentence.test(t)) ? 1 : byTitle
}

/** Neighbouring words of the query (as query-term indices and as a sentence's pair key) that may stand together in a sentence ("purpose of account management"). */
function queryPairs (query: string, qts: QueryTerm[]): { pairs: Array<readonly [number, number]>, pairKeys: string[] } {
  const own = qts.map((q, k) => [q, k] as const).filter(([q]) => !q.soft && !q.group)
  const byWord = new Map(own.map(([q, k]) => [q.words[0]!, k]))
  const seq = queryWords(query).filter(w => byWord.has(w))
  const pairs = seq.slice(1).map((w, j) => [byWord.get(seq[j]!)!, byWord.get(w)!] as const).filter(([a, b]) => a !== b)
  return { pairs, pairKeys: pairs.map(([a, b]) => `${qts[a]!.term} ${qts[b]!.term}`) }
}

/**
 * The acronyms the query names with their spelled-out forms: a form standing whole in a sentence ("monitor
 * the Compliance Improvement Plan") holds the acronym (CIP) as much as the acronym would. `k` is the
 * acronym's own query term; `keys` the form's neighbouring pairs of terms.
 */
function spelledForms (qts: QueryTerm[]): Array<{ k: number, terms: string[], keys: string[] }> {
  const out: Array<{ k: number, terms: string[], keys: string[] }> = []
  for (let k = 0; k < qts.length; k++) {
    const q = qts[k]!
    if (q.soft || q.group || q.term !== term(q.words[0]!)) continue
    const exp = qts.find(x => x.group && x.words[0] === q.words[0])?.group
    if (exp && exp.length > 1) out.push({ k, terms: exp, keys: exp.slice(1).map((t, j) => `${exp[j]} ${t}`) })
  }
  return out
}

/** Each query term's group: the terms standing for one query word share one; every soft term has its own. */
function wordGroups (qts: QueryTerm[]): number[] {
  const byWord = new Map<string, number>()
  let next = 0
  return qts.map(q => {
    if (q.soft || q.group) return next++
    const g = byWord.get(q.words[0]!)
    if (g !== undefined) return g
    byWord.set(q.words[0]!, next)
    return next++
  })
}

/** Parts of one long section count as one result: the best part stands for them, the others give way. */
function groupParts (idx: KbIndex, ranked: Array<[number, number]>): Array<[number, number]> {
  const first = firstParts(idx)
  const seen = new Set<number>()
  return ranked.filter(([i]) => {
    if (seen.has(first[i]!)) return false
    seen.add(first[i]!)
    return true
  })
}

const labelCache = perIndex<string[][], number>()

/** Each section's labels (glossary terms, table cells) as stemmed terms, computed once. */
function labelsOf (idx: KbIndex, i: number): string[][] {
  return labelCache(idx, i, () => idx.sections[i]!.terms.map(t => terms(t)))
}

/**
 * A query close to a section's title lifts it: the share of the title's words (and of the section's first
 * labels) the query holds, after typo correction and stemming — a query that is nearly a heading wins.
 */
function rerank (idx: KbIndex, qts: QueryTerm[], ranked: Array<[number, number]>, w: Weights): Array<[number, number]> {
  if (ranked.length < 2) return ranked
  const top = ranked[0]![1]
  // An acronym's spelled-out words count only standing whole in the title: "Compliance" alone is no title
  // near "the CIP", "Compliance Improvement Plan" is.
  const spelled = spelledForms(qts)
  const own = new Set(qts.filter(q => !q.soft && !q.group).map(q => q.term))
  // Typo corrections give one word several terms: a label must cover the words, not every candidate term.
  const ownWords = new Set(qts.filter(q => !q.soft && !q.group).map(q => q.words[0])).size
  return ranked.map(([i, s]) => {
    const title = sentencesOf(idx, i)[0]!
    let hit = 0
    for (const t of title) if (own.has(t)) hit++
    for (const sp of spelled) if (sp.terms.every(t => title.has(t))) hit += sp.terms.length
    const byTitle = title.size ? (hit / title.size) * Math.min(1, hit / Math.max(1, own.size) * 2) : 0
    // A query that names one of the section's labels whole (a checklist item, a form field) is as near as a title.
    const byLabel = labelsOf(idx, i).some(l => l.length > 0 && l.length >= ownWords && l.every(t => own.has(t))) ? w.label : 0
    return [i, s + top * Math.max(w.title * byTitle, byLabel)] as [number, number]
  }).sort((a, b) => b[1] - a[1])
}

function toHit (idx: KbIndex, i: number, score: number, qts: QueryTerm[], answerAt?: number): Hit {
  const s = idx.sections[i]!
  return {
    id: s.id,
    source: s.source,
    title: s.title,
    trail: s.trail,
    score: Math.round(score * 1000) / 1000,
    excerpt: excerptOf(sentenceData(idx, i), new Set(qts.filter(q => !q.soft).map(q => q.term)), { at: answerAt }),
    text: s.text,
    ...(s.parts ? { part: s.part, partOf: s.parts } : {}),
    ...(s.local ? { local: true } : {})
  }
}

/** Glossary terms and acronyms closest to a query that found nothing. */
export function suggestTerms (idx: KbIndex, query: string, limit = 5): string[] {
  const entries = [...new Set([...idx.acronyms.map(a => `${a.expansion} (${a.acronym})`), ...idx.sections.flatMap(s => s.terms.filter(t => t.length > 4))])]
  return new Fuse(entries, { threshold: 0.6, ignoreLocation: true }).search(query.slice(0, 32), { limit }).map(r => r.item)
}
