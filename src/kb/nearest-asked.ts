/**
 * The nearest asked phrase: for each passage, how much of the query one of the phrases team members ask for it
 * with (content/asked.json) holds. BM25's asked field pools a passage's phrases into one bag of words, where
 * words of different questions add up; this asks instead whether one question asked for the passage reads
 * like this one — the way a help desk matches a caller's question to the questions it has answered before.
 * A shipped passage's heading counts as one more of its phrases: the phrases were written in other words than
 * the section's own, so a query that is nearly a heading would otherwise find no phrase near it.
 *
 * A query word counts once (the best of its terms: its forms, corrections, thesaurus words), weighted by its
 * term's weight and by how rare the term is among the phrases (log(1 + phrases / phrases holding it)). A
 * phrase's score is the share of the query's weight it holds; a passage's, its best phrase's. The phrases'
 * numbers come from the asked field's postings (`postings.ts`), on each passage's first part. `withNearest`
 * moves search's candidates by it (docs/search.md, step 8).
 */
import { firstParts } from './outline.js'
import { oncePerIndex, perIndex } from './memo.js'
import { encodedPostings, postingList } from './postings.js'
import type { KbIndex } from './types.js'

/** A query term as search reads it: the term, its weight, and the query words it stands for. */
export interface WeightedTerm {
  term: string
  weight: number
  words: readonly string[]
}

/** Phrase slots per passage (its first part's index × SLOTS + the phrase's number); the last is its heading. */
export const SLOTS = 128
const SLOT_BITS = 7
const HEADING = SLOTS - 1
/** A bit per query term in each phrase's slot: the first 32 terms (a query's own words come first). */
const MAX_TERMS = 32

/**
 * What a search marks phrases in, kept per index and cleared after each use: a cold `pat search` runs this
 * once, and every array it allocates on the way brings the garbage collector nearer (docs/search.md).
 */
interface Work {
  /** Per phrase slot, the bits of the query terms it holds. */
  held: Uint32Array
  /** The slots marked so far (the first `count`). */
  touched: Int32Array
  count: number
  /** Room to read one term's slots into. */
  scratch: Int32Array
}

const workFor = oncePerIndex((idx: KbIndex): Work => {
  const room = (idx.phrases ?? 0) + idx.sections.length + 1
  return { held: new Uint32Array(idx.sections.length * SLOTS), touched: new Int32Array(room), count: 0, scratch: new Int32Array(room) }
})

/**
 * Per section, the share of the query (0–1) the nearest asked phrase of its passage holds: set on a passage's
 * first part, 0 elsewhere and where no phrase holds a word of the query.
 */
export function nearestAsked (idx: KbIndex, qts: readonly WeightedTerm[]): Float64Array {
  const out = new Float64Array(idx.sections.length)
  const phrases = idx.phrases ?? 0
  if (phrases === 0 || qts.length === 0) return out
  const work = workFor(idx)
  const terms = qts.slice(0, MAX_TERMS)
  const holding = terms.map((q, k) => {
    const keys = phraseKeys(idx, q.term, work)
    const bit = 1 << k
    const { held, touched } = work
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j]!
      if (held[key] === 0) touched[work.count++] = key
      held[key] = held[key]! | bit
    }
    return keys.length
  })
  const all = phrases + headings(idx)
  const value = terms.map((q, k) => q.weight * Math.log(1 + all / (holding[k] || 0.5)))
  // The query's words, numbered; each term stands for one or more of them, and a word counts its best term.
  const wordNumber = new Map<string, number>()
  const wordsOf = terms.map(q => q.words.map(word => {
    let w = wordNumber.get(word)
    if (w === undefined) { w = wordNumber.size; wordNumber.set(word, w) }
    return w
  }))
  const worth = new Float64Array(wordNumber.size)
  terms.forEach((_, k) => { for (const w of wordsOf[k]!) worth[w] = Math.max(worth[w]!, value[k]!) })
  const total = worth.reduce((sum, v) => sum + v, 0)
  bestShares(work, wordsOf, value, worth.length, out)
  if (total > 0) for (let i = 0; i < out.length; i++) out[i] = out[i]! / total
  return out
}

/**
 * Into `out`, per section, what its best phrase holds of the query (before dividing by the query's worth);
 * clears the slots it reads. Plain loops over typed arrays: a cold search runs this before the JIT has
 * compiled it, and most phrases hold a single term of the query (a fast path).
 */
function bestShares (work: Work, wordsOf: ReadonlyArray<readonly number[]>, value: readonly number[], words: number, out: Float64Array): void {
  const { held, touched } = work
  const best = new Float64Array(words)
  const seen = new Uint8Array(words)
  const used = new Int32Array(words)
  for (let t = 0; t < work.count; t++) {
    const key = touched[t]!
    let bits = held[key]!
    held[key] = 0
    let got = 0
    const only = (bits & (bits - 1)) === 0 ? 31 - Math.clz32(bits) : -1
    if (only >= 0 && wordsOf[only]!.length === 1) got = value[only]!
    else {
      // Each word counts the best of its terms the phrase holds.
      let n = 0
      while (bits !== 0) {
        const low = bits & -bits
        const k = 31 - Math.clz32(low)
        bits ^= low
        const ws = wordsOf[k]!
        for (let j = 0; j < ws.length; j++) {
          const w = ws[j]!
          if (seen[w] === 0) { seen[w] = 1; used[n++] = w }
          if (value[k]! > best[w]!) best[w] = value[k]!
        }
      }
      for (let j = 0; j < n; j++) { const w = used[j]!; got += best[w]!; best[w] = 0; seen[w] = 0 }
    }
    const section = key >>> SLOT_BITS
    if (got > out[section]!) out[section] = got
  }
  work.count = 0
}

const keyCache = perIndex<Int32Array>()

/**
 * The slots of the phrases holding a term — those its asked posting list names, and the headings holding it
 * — read once per term and kept (a query asks again for the words of the last).
 */
function phraseKeys (idx: KbIndex, term: string, work: Work): Int32Array {
  return keyCache(idx, term, () => {
    const room = work.scratch
    const asked = encodedPostings(idx, 'asked', term)
    let n = asked ? readPhrases(asked, room) : 0
    for (const [i] of postingList(idx, 'title', term) ?? []) if (headsShipped(idx, i)) room[n++] = (i << SLOT_BITS) + HEADING
    return room.slice(0, n)
  })
}

/**
 * Writes into `out` the slot of every phrase an asked posting list names ("3.4.a 1b:2.0": section 3's phrases
 * 4 and 10, section 47's phrase 0) and returns how many. One loop over the characters, no calls, nothing
 * allocated: a cold search runs it before the JIT has compiled it.
 */
function readPhrases (encoded: string, out: Int32Array): number {
  let n = 0
  let section = 0
  let value = 0
  // What the digits being read are: 0 a section, 1 its term frequency, 2 a phrase number.
  let reading = 0
  const length = encoded.length
  for (let k = 0; k <= length; k++) {
    const c = k === length ? 32 : encoded.charCodeAt(k)
    if (c > 46 && c !== 58) { value = value * 36 + (c <= 57 ? c - 48 : c - 87); continue }
    if (reading === 0) section = value
    else if (reading === 2 && value < HEADING) out[n++] = (section << SLOT_BITS) + value
    value = 0
    reading = c === 32 ? 0 : c === 58 ? 1 : 2
  }
  return n
}

/** Whether section `i` is a shipped passage's first part: the one whose heading counts as a phrase. */
function headsShipped (idx: KbIndex, i: number): boolean {
  return firstParts(idx)[i] === i && !idx.sections[i]!.local
}

/** How many shipped passages there are: each heading counts as one phrase. */
const headings = oncePerIndex((idx: KbIndex): number => idx.sections.filter((_, i) => headsShipped(idx, i)).length)

/** How many passages whose asked phrases come nearest the query may join the candidates. */
const NEAREST_JOIN = 5

/**
 * Search's candidates re-ranked with the nearest asked phrase: each scores its share of the best candidate's
 * score plus `weight` (weights.ts `nearest`) × the share of the query one phrase asked for it holds. The
 * passages whose phrases come nearest join the candidates even when BM25 ranked them lower (their
 * best-scoring part; a glossary entry only as `admit` lets it). Ties keep the candidates' order.
 */
export function withNearest (idx: KbIndex, ranked: Array<[number, number]>, nearest: Float64Array, scores: Float64Array, weight: number, admit: (i: number) => boolean): Array<[number, number]> {
  const top = Math.max(0, ...ranked.map(([, s]) => s))
  const first = firstParts(idx)
  // A team's own passages have no asked phrases: their share of the best score stands in for a phrase's.
  const out = ranked.map(([i, s]): [number, number] => {
    const share = top > 0 ? s / top : 0
    return [i, share + weight * (idx.sections[i]!.local ? share : nearest[first[i]!]!)]
  })
  const shown = new Set(ranked.map(([i]) => first[i]!))
  for (const f of nearestFirst(nearest, NEAREST_JOIN)) {
    if (shown.has(f)) continue
    const part = bestPart(first, f, scores)
    if (admit(part)) out.push([part, weight * nearest[f]!])
  }
  return out.sort((a, b) => b[1] - a[1])
}

/** The `n` sections of highest share, best first (the lower index on a tie); none at 0. */
function nearestFirst (nearest: Float64Array, n: number): number[] {
  const top: number[] = []
  for (let i = 0; i < nearest.length; i++) {
    if (nearest[i]! <= 0) continue
    let at = top.length
    while (at > 0 && nearest[top[at - 1]!]! < nearest[i]!) at--
    if (at < n) { top.splice(at, 0, i); if (top.length > n) top.pop() }
  }
  return top
}

/** The part of a passage (given by its first part) BM25 scored highest; the first on a tie. */
function bestPart (first: Int32Array, f: number, scores: Float64Array): number {
  let best = f
  for (let j = f + 1; j < first.length && first[j] === f; j++) if (scores[j]! > scores[best]!) best = j
  return best
}
