/**
 * Text from the workspace — names, notes, anything a teammate or a peer wrote — made safe to show on a
 * terminal. Any member's data reaches every member, so a name may hold escape sequences meant to recolour
 * the screen, move the cursor, set the window title or ring the bell. Every place that writes data to a
 * terminal (the CLI's output and errors, the app's table cells and wrapped text, Markdown/HTML exports)
 * passes it through `printable` once, at its chokepoint; JSON output escapes control characters itself.
 *
 * Each invisible character becomes ONE visible one, so a cell keeps its width: C0 controls become their
 * Unicode control pictures (ESC → ␛, BEL → ␇), DEL → ␡, and C1 controls, bidirectional overrides/isolates
 * and the line/paragraph separators → � (they would reorder or break what follows). Newline (and tab in
 * multi-line text) stay; `printableLine` makes one line of it (whitespace runs become one space).
 */

/**
 * C0 (but newline and tab), DEL, C1, bidi embeddings/overrides/isolates, LS/PS; a carriage return only when
 * no newline follows it (CRLF line ends, as CSV has them, are harmless; a lone CR would overwrite the line).
 */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]|\r(?!\n)/g // eslint-disable-line no-control-regex -- finding control characters is the point
/** Our own colour and weight sequences (Select Graphic Rendition), kept only in output we styled ourselves. */
const SGR = /\u001b\[[0-9;]*m/y // eslint-disable-line no-control-regex -- an SGR sequence starts with ESC

function picture (c: string): string {
  const code = c.charCodeAt(0)
  if (code < 0x20) return String.fromCharCode(0x2400 + code)
  if (code === 0x7f) return '\u2421'
  return '\ufffd'
}

/** Whether `text` holds a character `printable` would replace. */
export function hasControl (text: string): boolean {
  UNSAFE.lastIndex = 0
  const found = UNSAFE.test(text)
  UNSAFE.lastIndex = 0
  return found
}

/**
 * `text` with every control character shown as a visible symbol (newlines and tabs kept). With
 * `keepStyle`, our own SGR colour sequences survive (for output this program styled after making its data
 * printable); every other escape is still shown, not sent.
 */
export function printable (text: string, opts: { keepStyle?: boolean } = {}): string {
  if (!hasControl(text)) return text
  if (!opts.keepStyle) return text.replace(UNSAFE, picture)
  let out = ''
  for (let i = 0; i < text.length;) {
    SGR.lastIndex = i
    const style = SGR.exec(text)
    if (style) { out += style[0]; i += style[0].length; continue }
    const c = text[i]!
    const unsafe = c === '\r' ? text[i + 1] !== '\n' : hasControl(c)
    out += unsafe ? picture(c) : c
    i++
  }
  return out
}

/**
 * `text` without the characters `printable` would replace, for places that cannot show a symbol in their
 * stead (a calendar's event text) or print a summary of it (an import's report).
 */
export function withoutControls (text: string): string {
  return text.replace(UNSAFE, '')
}

/** Any character printableLine changes: what printable replaces, and line breaks and tabs. */
const LINE_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/ // eslint-disable-line no-control-regex -- finding control characters is the point

/**
 * One line of printable text: whitespace runs (newlines, tabs) become one space. Every table cell of the app
 * passes here on every frame, so text with nothing to change (nearly all of it) costs one scan and no copy.
 */
export function printableLine (text: string): string {
  if (!LINE_UNSAFE.test(text)) return text
  return printable(text.replace(/[\t\n\r\f\v]+/g, ' '))
}

/** The most of a value an error or confirmation quotes (a 130 KB name is not a message). */
export const QUOTE_MAX = 80

/** A value quoted inside a message: one printable line, cut to `max` characters with "…". */
export function quote (value: string, max = QUOTE_MAX): string {
  const line = printableLine(value)
  const cs = [...line]
  return `"${cs.length > max ? cs.slice(0, max).join('') + '…' : line}"`
}

/** A value shown inside a message, unquoted, cut like `quote`. */
export function clip (value: string, max = QUOTE_MAX): string {
  return quote(value, max).slice(1, -1)
}
