/**
 * Excerpts: the sentence of a passage that answers, with its neighbours, matches marked `**like this**`,
 * cut to the width around the match. The CLI prints them under each result; the app's preview shows them.
 */
import type { Sentences, WordSpans } from './passage.js'
import { plain, sentences } from './text.js'
import { PREFIXES, term, terms } from './tokens.js'

/**
 * The sentence that answers: the one holding the most query terms, with its neighbours when they fit,
 * matches marked **like this**, at most `maxLines` lines of at most `width` characters (longer ones are cut
 * around the match, with …).
 */
export function excerpt (text: string, wanted: ReadonlySet<string>, maxLines = 3, width = 220): string {
  const texts = sentences(plain(text))
  return excerptOf({ texts, sets: ['', ...texts].map(t => new Set(terms(t))), pairs: [] }, wanted, { maxLines, width })
}

const WORD_SPAN = /[A-Za-z0-9]+(?:#s?)?/g

/** A sentence's words with their spans and index terms. */
function wordSpans (line: string): WordSpans {
  const out: WordSpans = { starts: [], ends: [], terms: [], joined: [] }
  for (const m of line.matchAll(WORD_SPAN)) { out.starts.push(m.index); out.ends.push(m.index + m[0].length); out.terms.push(term(m[0].toLowerCase())) }
  // "non-compliance" is marked for "noncompliance" too: the index holds the joined word (tokens.ts).
  for (let k = 0; k + 1 < out.starts.length; k++) {
    const prefix = line.slice(out.starts[k], out.ends[k]).toLowerCase()
    if (line[out.ends[k]!] === '-' && out.starts[k + 1] === out.ends[k]! + 1 && PREFIXES.has(prefix)) {
      out.joined[k] = out.joined[k + 1] = term(prefix + line.slice(out.starts[k + 1], out.ends[k + 1]).toLowerCase())
    }
  }
  return out
}

/** The words of line[from, to) whose terms are wanted, marked **like this**. */
function markSpans (line: string, spans: WordSpans, wanted: ReadonlySet<string>, from = 0, to = line.length): string {
  let out = ''
  let at = from
  for (let k = 0; k < spans.terms.length; k++) {
    const joined = spans.joined[k]
    if (spans.starts[k]! < from || spans.ends[k]! > to || !(wanted.has(spans.terms[k]!) || (joined !== undefined && wanted.has(joined)))) continue
    out += `${line.slice(at, spans.starts[k])}**${line.slice(spans.starts[k], spans.ends[k])}**`
    at = spans.ends[k]!
  }
  return out + line.slice(at, to)
}

/** The sentence (an index past the title's set) holding the most wanted terms; the first on a tie. */
function mostWanted (sets: ReadonlyArray<ReadonlySet<string>>, wanted: ReadonlySet<string>): number {
  let best = 0
  let bestCount = -1
  for (let k = 0; k + 1 < sets.length; k++) {
    let c = 0
    for (const t of wanted) if (sets[k + 1]!.has(t)) c++
    if (c > bestCount) { best = k; bestCount = c }
  }
  return best
}

/**
 * `excerpt` over a section's sentences already split and stemmed (sets[0] is the title's). `at`: the sentence
 * that answers, when the ranking has scored them (search.ts bestSentence: rarer words, phrases and the
 * question's form weigh); else the one holding the most wanted terms.
 */
export function excerptOf (data: Sentences, wanted: ReadonlySet<string>, { maxLines = 3, width = 220, at }: { maxLines?: number, width?: number, at?: number | undefined } = {}): string {
  const { texts: all, sets } = data
  if (all.length === 0) return ''
  const best = at !== undefined && at >= 0 && at < all.length ? at : mostWanted(sets, wanted)
  // The answer, then the sentence after it, then the one before, while they fit.
  const picked = [best]
  for (const k of [best + 1, best - 1]) if (k >= 0 && k < all.length && picked.length < maxLines) picked.push(k)
  // A sentence's words are split and stemmed once per section, then only looked up.
  const marks = (data.marks ??= [])
  return picked.sort((a, b) => a - b).map(k => {
    const l = all[k]!
    const spans = (marks[k] ??= wordSpans(l))
    if (l.length <= width) return markSpans(l, spans, wanted)
    // A long line (a table row) is cut around its first match: from a word start a little before it, to the
    // last whole word that fits.
    const first = spans.terms.findIndex(t => wanted.has(t))
    let j = Math.max(0, first)
    while (j > 0 && spans.starts[j - 1]! >= spans.starts[first]! - 60) j--
    const from = j === 0 ? 0 : spans.starts[j]!
    const cut = l.slice(from, from + width)
    const to = from + (from + width >= l.length ? cut.length : cut.replace(/\s+\S*$/, '').length)
    return (from > 0 ? '…' : '') + markSpans(l, spans, wanted, from, to) + (to < l.length ? '…' : '')
  }).join('\n')
}
