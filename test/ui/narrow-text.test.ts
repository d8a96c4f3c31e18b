// The app's bundle answers text width and graphemes from src/ui/narrow-text.ts for "narrow" text, instead of
// string-width's and ansi-tokenize's Intl.Segmenter (scripts/bundle.js): here every character of its class is
// checked against those packages and Intl itself, so the shortcut can never draw a frame differently.
import stringWidth from 'string-width'
import { describe, expect, it } from 'vitest'
import stringWidth7 from '../../node_modules/wrap-ansi/node_modules/string-width/index.js'
import { NARROW_CLASS, graphemes, isNarrowText, lazyRegExp } from '../../src/ui/narrow-text.js'

const narrowChars = (): string[] => {
  const inClass = new RegExp(`^[${NARROW_CLASS}]$`)
  const out: string[] = []
  for (let cp = 0; cp < 0x10000; cp++) {
    const c = String.fromCharCode(cp)
    if (inClass.test(c)) out.push(c)
  }
  return out
}
const segments = (text: string) => [...new Intl.Segmenter().segment(text)].map(s => ({ segment: s.segment, index: s.index }))

/** A deterministic pseudo-random sequence (a failure must be reproducible). */
function rng (seed: number) {
  return (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n }
}

describe('narrow text', () => {
  const chars = narrowChars()

  it('has the characters the app draws with, and none that is wide, zero-width or combining', () => {
    for (const c of 'a Z~é—·…→↑↓›•✗✓│─┌') expect(isNarrowText(c), c).toBe(true)
    for (const c of ['\u0301', '\u00ad', '\u200b', '\u200d', '中', 'ｱ', '😀', '\ud83d', '\t', '\n', '\x1b', '\u25fd', '\u231a', '⚠', '©']) expect(isNarrowText(c), c).toBe(false)
    expect(chars.length).toBeGreaterThan(1000)
  })

  it('is one column per character for string-width 8 (Ink) and 7 (wrap-ansi), every character of the class', () => {
    const wrong = chars.filter(c => stringWidth(c) !== 1 || stringWidth7(c) !== 1)
    expect(wrong.map(c => c.charCodeAt(0).toString(16))).toEqual([])
  })

  it('is one grapheme per character for Intl.Segmenter, beside any other of the class and beside ESC', () => {
    const joined = chars.filter(c => segments(`a${c}${c}a`).length !== 4 || segments(`\x1b${c}\x1b`).length !== 3)
    expect(joined.map(c => c.charCodeAt(0).toString(16))).toEqual([])
  })

  it('gives the width string-width gives to any text of the class, coloured or not', () => {
    const pick = rng(7)
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: 1 + pick(40) }, () => chars[pick(chars.length)]!).join('')
      expect(isNarrowText(text)).toBe(true)
      expect(stringWidth(text)).toBe(text.length)
      expect(stringWidth(`\x1b[1m${text}\x1b[22m`)).toBe(text.length)
    }
  })

  it('splits text into the graphemes Intl.Segmenter gives, narrow or not', () => {
    const pick = rng(11)
    const others = ['e\u0301', '👍🏽', '👨‍👩‍👧', '🇨🇦', '中文', '\r\n', '\x1b[31m', 'ﾞ', '\u00ad']
    for (let i = 0; i < 500; i++) {
      const parts = Array.from({ length: 1 + pick(12) }, () => (pick(4) === 0 ? others[pick(others.length)]! : chars[pick(chars.length)]!))
      const text = parts.join('')
      expect([...graphemes(text)].map(s => ({ segment: s.segment, index: s.index }))).toEqual(segments(text))
    }
  })
})

describe('lazyRegExp', () => {
  it('is built on first use and then tests, matches and searches as the expression does', () => {
    let built = 0
    const lazy = lazyRegExp(() => { built++; return /\p{Extended_Pictographic}/gu })
    expect(built).toBe(0)
    expect(lazy.test('a😀')).toBe(true)
    expect('x😀y😀'.match(lazy)).toEqual(['😀', '😀'])
    expect('ab😀'.search(lazy)).toBe(2)
    expect('abc'.match(lazy)).toBeNull()
    expect(built).toBe(1)
  })
})
