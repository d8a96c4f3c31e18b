// The terminal guard of src/cli/io.ts: JSON output skips the second scan (`json: true`) only because
// jsonText leaves nothing in it for that scan to change. This holds it for every character the guard acts on.
import { describe, expect, it } from 'vitest'
import { jsonParts, jsonText, printJson, writeSliced, writeTerminal, writeTerminalParts, type Io, type WriteOptions } from '../../src/cli/io.js'
import { printable } from '../../src/domain/printable.js'

/** Every UTF-16 code unit the guard may act on, and the line endings it treats apart. */
const RISKY = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  ...Array.from({ length: 0xa0 - 0x7f }, (_, i) => String.fromCharCode(0x7f + i)),
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u2028', '\u2029',
  '\r\n', '\ud800', '\udfff', '\x1b[31m', '\x1b]0;title\x07'
]

/** What writeTerminal sends to a stream, joined. */
function terminalText (text: string, opts?: WriteOptions): string {
  let out = ''
  writeTerminal({ write: (chunk: string) => { out += chunk; return true } } as never, text, opts)
  return out
}

describe('jsonText', () => {
  it('leaves nothing for the terminal guard to change, in values and in keys', () => {
    for (const c of RISKY) {
      const text = jsonText({ [`k${c}`]: `a${c}b`, list: [c, { nested: c }] })
      expect(printable(text), JSON.stringify(c)).toBe(text)
      expect(terminalText(text, { json: true })).toBe(terminalText(text))
    }
  })

  it('keeps the data exact: what a program parses back is what was printed', () => {
    const value = { name: RISKY.join(''), n: 1 }
    expect(JSON.parse(terminalText(jsonText(value), { json: true }))).toEqual(value)
  })

  it('ends the text with one newline', () => {
    expect(terminalText(jsonText([1]), { json: true })).toBe('[\n  1\n]\n')
    expect(terminalText('done\n')).toBe('done\n')
    expect(terminalText('')).toBe('\n')
  })
})

describe('writeSliced', () => {
  const written = (text: string) => {
    const chunks: string[] = []
    writeSliced({ write: (c: string) => { chunks.push(c); return true } } as never, text)
    return chunks
  }

  it('writes a short text in one piece, and nothing for an empty one', () => {
    expect(written('abc')).toEqual(['abc'])
    expect(written('')).toEqual([])
  })

  it('writes a large text in slices that join to it exactly, never splitting a surrogate pair', () => {
    const SLICE = 256 * 1024
    // A pair straddling each slice boundary, among one-unit characters.
    const text = 'a'.repeat(SLICE - 1) + '😀' + 'b'.repeat(SLICE - 2) + '𝄞' + 'é'.repeat(10) + 'c'.repeat(SLICE * 2 + 3)
    const chunks = written(text)
    expect(chunks.length).toBeGreaterThan(3)
    expect(chunks.join('')).toBe(text)
    for (const c of chunks) {
      expect(c.charCodeAt(c.length - 1) >= 0xd800 && c.charCodeAt(c.length - 1) <= 0xdbff).toBe(false)
      expect(Buffer.from(c, 'utf8').toString('utf8')).toBe(c) // each slice encodes on its own, no U+FFFD
    }
  })
})

describe('jsonParts', () => {
  /** Rows like the commands print: nested lists and objects, risky characters, pairs, nothing at all. */
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({
    id: `a-${i}`, name: `${RISKY[i % RISKY.length]}Acme 😀 ${i}`, iors: i % 3 ? [`11-${i}`, '22-2'] : [], nested: { empty: {}, list: [[]], n: i / 3 }, gone: undefined
  }))

  it('joins to exactly jsonText, for short and long arrays and anything else', () => {
    const values: unknown[] = [[], [1], rows(99), rows(100), rows(101), rows(250), rows(333), [undefined, null, () => 1], { a: rows(150) }, 'text', 3, null]
    for (const value of values) expect([...jsonParts(value)].join('')).toBe(jsonText(value))
    expect([...jsonParts(rows(333))].length).toBe(6) // "[", four parts of 100, 100, 100 and 33, "]"
  })

  it('prints the same text through an Io that takes parts and one that does not', () => {
    const capture = (withParts: boolean): string => {
      let text = ''
      const stream = { write: (c: string) => { text += c; return true } } as never
      const io: Io = {
        out: (t, opts) => writeTerminal(stream, t, opts),
        ...(withParts ? { outParts: (parts: Iterable<string>, opts?: WriteOptions) => writeTerminalParts(stream, parts, opts) } : {}),
        err: () => {},
        columns: 80,
        color: false,
        cwd: '/'
      }
      printJson(io, rows(250))
      return text
    }
    const whole = capture(false)
    expect(capture(true)).toBe(whole)
    expect(whole.endsWith(']\n')).toBe(true)
    expect(JSON.parse(whole)).toEqual(JSON.parse(jsonText(rows(250))))
  })

  it('writes parts made printable on their own, ending in one newline', () => {
    let text = ''
    writeTerminalParts({ write: (c: string) => { text += c; return true } } as never, ['a\x1b[31m', '', 'b\n'])
    expect(text).toBe(printable('a\x1b[31m') + 'b\n')
    text = ''
    writeTerminalParts({ write: (c: string) => { text += c; return true } } as never, [])
    expect(text).toBe('\n')
  })
})
