/**
 * Text in which every character is one terminal column wide and a grapheme of its own: printable ASCII,
 * Latin-1 and Latin Extended letters, Greek and Cyrillic, and the punctuation, arrows, box drawing and
 * shapes the app draws with (— · … → ↑ ↓ › • ✗). For such text a string's width is its length and its
 * graphemes are its characters, without asking Intl.Segmenter, whose first use at start loads ICU's break
 * data (20–30 ms of the app's start, once per package that makes one) and which then walks every string of
 * every frame in C++.
 *
 * The app's bundle (scripts/bundle.js, `graphemes-without-icu`) has Ink's text measurement (string-width),
 * wrap-ansi's copy of it and Ink's output tokenizer (@alcalzone/ansi-tokenize) call `graphemes` instead of
 * their own Segmenter, and string-width answer `isNarrowText` text by its length; any other text goes to a
 * real Segmenter, made on first need, as are those packages' (and slice-ansi's) regular expressions of
 * Unicode properties (`lazyRegExp`). test/ui/narrow-text.test.ts checks every character of the class
 * against string-width and Intl.Segmenter themselves.
 */

/**
 * The characters (all in the Basic Multilingual Plane, none a surrogate, a mark, a joiner or a control). Left
 * out: those wrap-ansi's string-width 7 counts as emoji, two columns, where Ink's 8 counts one (© ® ‼ ⁉ ™ ℹ
 * ↔–↙ ↩ ↪ ▪ ▫ ▶ ◀ ◻ ◼ ⚠): they go the packages' own way, as do the wide squares ◽ ◾.
 */
export const NARROW_CLASS = '\\x20-\\x7e\\xa0-\\xa8\\xaa-\\xac\\xaf-\\u02ff' + // ASCII, Latin-1 (not the soft hyphen), Latin Extended, IPA, modifiers
  '\\u0370-\\u0377\\u037a-\\u037f\\u0384-\\u038a\\u038c\\u038e-\\u03a1\\u03a3-\\u03ff' + // Greek
  '\\u0400-\\u0482\\u048a-\\u052f' + // Cyrillic (not its combining marks)
  '\\u2010-\\u2027\\u2030-\\u203b\\u203d-\\u2048\\u204a-\\u205e\\u20a0-\\u20c0' + // punctuation, currency
  '\\u2100-\\u2121\\u2123-\\u2138\\u213a-\\u214f' + // letterlike symbols
  '\\u2190-\\u2193\\u219a-\\u21a8\\u21ab-\\u21ff\\u2200-\\u22ff' + // arrows, mathematical operators
  '\\u2500-\\u25a9\\u25ac-\\u25b5\\u25b7-\\u25bf\\u25c1-\\u25fa\\u25ff\\u2713\\u2717' // box drawing, blocks, shapes, ✓ ✗

const NARROW_TEXT = new RegExp(`^[${NARROW_CLASS}]*$`)
/** The same with ESC, a grapheme of its own too, so coloured text (SGR sequences are ASCII) qualifies. */
const NARROW_OR_ESCAPE = new RegExp(`^[${NARROW_CLASS}\\x1b]*$`)

/** Whether every character of `text` is one column wide and a grapheme of its own. */
export function isNarrowText (text: string): boolean {
  return NARROW_TEXT.test(text)
}

let segmenter: Intl.Segmenter | undefined

/** One grapheme, as Intl.Segmenter's `segment()` gives them (the fields its callers here read). */
export interface Grapheme { segment: string, index: number }

/** The graphemes of `text` with their indices, as `new Intl.Segmenter().segment(text)` iterates them. */
export function graphemes (text: string): Iterable<Grapheme> {
  if (!NARROW_OR_ESCAPE.test(text)) return graphemeSegmenter().segment(text)
  const out: Grapheme[] = new Array<Grapheme>(text.length)
  for (let i = 0; i < text.length; i++) out[i] = { segment: text[i]!, index: i }
  return out
}

/** The Segmenter `graphemes` falls back on, for callers that need Intl's own segments (their `containing`). */
export function graphemeSegmenter (): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter())
}

/** What the patched packages do with a regular expression: test, String#match and String#search. */
export interface LazyRegExp {
  test: (text: string) => boolean
  [Symbol.match]: (text: string) => RegExpMatchArray | null
  [Symbol.search]: (text: string) => number
}

/**
 * A regular expression built on first use. The packages above build theirs of Unicode properties as they
 * load, for the text that is not narrow: /^\p{RGI_Emoji}$/v alone took 30 ms to build in a bare node.
 */
export function lazyRegExp (make: () => RegExp): LazyRegExp {
  let re: RegExp | undefined
  const get = () => (re ??= make())
  return {
    test: text => get().test(text),
    [Symbol.match]: text => get()[Symbol.match](text),
    [Symbol.search]: text => get()[Symbol.search](text)
  }
}
