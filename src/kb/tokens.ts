/**
 * Turning text into index terms: lower-case words, stop words dropped, Porter-stemmed (`stemmer`), so
 * "reviewed", "reviews" and "reviewing" meet at "review". `IR#s` and `IR#` both become `ir#`.
 */
import { stemmer } from 'stemmer'

const STOP = new Set(('a an and are as at be by can do does for from has have how i if in into is it its may ' +
  'must of on or should so such than that the their them then there these they this to was we what when where ' +
  'which who why will with within would you your our us any all also not no').split(' '))

const WORD = /[a-z0-9]+(?:#s?)?/g

/**
 * A prefix written with and without its hyphen ("non-compliance", "noncompliance"). In the documents the
 * hyphenated form gives its parts and the joined word, so either spelling finds the other and "compliance"
 * still finds both; a query's hyphenated word is read as the joined word only (its parts as well would
 * count the one word three times).
 */
export const PREFIXES: ReadonlySet<string> = new Set(['non', 'pre', 'post', 'co', 're', 'sub', 'multi', 'inter'])
const PREFIXED = new RegExp(`\\b(${[...PREFIXES].join('|')})-([a-z]+)`, 'g')

/** Two letters joined by "&" ("D&B", "R&D"): one word, written as people also write it ("dnb", "rnd"). */
const AMPERSAND = /\b([a-z])&([a-z])\b/g

/** Lower-cased words, a hyphenated prefix rewritten as `prefixed` says ($1 the prefix, $2 its word). */
function split (text: string, prefixed: string): string[] {
  let t = text.toLowerCase().replace(/[’']/g, '')
  // (each pattern runs only on text holding its character: this is on every query's hot path)
  if (t.includes('&')) t = t.replace(AMPERSAND, '$1n$2')
  return (t.includes('-') ? t.replace(PREFIXED, prefixed) : t).match(WORD) ?? []
}

/** A text's words; a hyphenated prefix gives its parts and the joined word. */
export const words = (text: string): string[] => split(text, '$1-$2 $1$2')

/** A query's words: as `words`, a hyphenated prefix joined to its word. */
export const queryWords = (query: string): string[] => split(query, '$1$2')

// Stemming is the hot spot of excerpts and queries; the documents' words repeat, so results are cached
// (bounded: the cache is dropped when it grows past what the documents' vocabulary needs).
const stems = new Map<string, string>()

export function term (word: string): string {
  if (word.endsWith('#s')) return word.slice(0, -1)
  if (word.endsWith('#')) return word
  let t = stems.get(word)
  if (t === undefined) {
    if (stems.size > 50_000) stems.clear()
    t = stemmer(word)
    stems.set(word, t)
  }
  return t
}

/** Index terms of a text, stop words dropped, in order (with repeats). */
export function terms (text: string): string[] {
  return words(text).filter(w => !STOP.has(w) && w.length > 1).map(term)
}

/**
 * Words a question is phrased with that say nothing of its subject: light verbs ("what do traders get"),
 * fillers ("just", "ever", "about"), contractions with their apostrophe dropped ("there's" → theres) and
 * the words naming a part of a document ("the background section of the plan": the subject is the background).
 * Left out of a query's terms, though the documents' own uses of them stay indexed: "get" must not match
 * "Get Concurrence" because a question asks what someone gets.
 */
const FILLER = new Set(('about ever just get gets got getting go goes going gone being been theres thats whats whos hows wheres ' +
  'heres dont doesnt didnt isnt arent wasnt cant couldnt wont wouldnt shouldnt theyre youre im ive weve theyve ' +
  'lets else really very actually ' +
  'basically anything nothing something someone anyone everything too section sections chapter paragraph').split(' '))

/** A word a query's terms leave out: a stop word of the index, or a question's filler word. */
export function isStopWord (word: string): boolean {
  return STOP.has(word) || FILLER.has(word)
}
