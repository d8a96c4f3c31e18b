/**
 * Ink turns each line of a frame back into text with @alcalzone/ansi-tokenize's `styledCharsToString`, which
 * works out the ANSI codes between every two neighbouring characters with `diffAnsiCodes` — three Sets and
 * four arrays per character, for the 1,920 cells of an 80×24 frame (Ink fills blank cells with characters of
 * their own), 18 ms of the app's first frames before V8 has optimised it. Between two characters carrying the
 * same codes that diff is always empty, and nearly all neighbours do: the app's bundle skips it then
 * (scripts/bundle.js, `outputPatches`), and this is the test it asks.
 */

/** An ANSI code as the tokenizer gives it: what starts the style and what ends it. */
export interface StyleCode { code: string, endCode: string }

/** Both lists hold the same codes in the same order: no code is needed to go from one to the other. */
export function sameStyles (a: readonly StyleCode[], b: readonly StyleCode[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.code !== b[i]!.code || a[i]!.endCode !== b[i]!.endCode) return false
  }
  return true
}
