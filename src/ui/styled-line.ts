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

/** What the tokenizer splits a line into: ANSI codes and characters (a grapheme, one or two columns wide). */
export type LineToken<C extends StyleCode = StyleCode> = (C & { type: 'ansi' }) | { type: 'char', value: string, fullWidth: boolean }
/** A character with the codes in force where it stands. */
export interface StyledChar<C extends StyleCode = StyleCode> { type: 'char', value: string, fullWidth: boolean, styles: C[] }

/**
 * The package's `styledCharsFromTokens`, which Ink calls for every line it writes into a frame: the package
 * gives each character a copy of the token (object spread) and its own copy of the codes in force, ~12 ms
 * and a garbage collection for the help screen's first frame in the app's start. Here characters between two
 * codes share one list: `reduce` (the package's reduceAnsiCodesIncremental) returns a new list for every
 * code and never changes the one it is given, and nothing downstream (Ink's output, styledCharsToString)
 * changes a character's list either, so sharing it is safe. Swapped in by scripts/bundle.js (output-patches).
 */
export function styledChars<C extends StyleCode> (tokens: ReadonlyArray<LineToken<C>>, reduce: (codes: C[], added: C[]) => C[]): Array<StyledChar<C>> {
  let codes: C[] = []
  const out: Array<StyledChar<C>> = []
  for (const token of tokens) {
    if (token.type === 'ansi') codes = reduce(codes, [token])
    else out.push({ type: 'char', value: token.value, fullWidth: token.fullWidth, styles: codes })
  }
  return out
}

/** Both lists hold the same codes in the same order: no code is needed to go from one to the other. */
export function sameStyles (a: readonly StyleCode[], b: readonly StyleCode[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.code !== b[i]!.code || a[i]!.endCode !== b[i]!.endCode) return false
  }
  return true
}
