// The app's bundle skips Ink's style diff between two neighbouring characters when sameStyles says they carry
// the same codes (scripts/bundle.js, output-patches): that is right only if the diff is then always
// empty. Checked against @alcalzone/ansi-tokenize itself (the package Ink uses) on lines styled the ways a
// frame is: colours, inverse, bold and dim together, resets, hyperlinks.
import { ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, styledCharsFromTokens, styledCharsToString, tokenize } from '@alcalzone/ansi-tokenize'
import { describe, expect, it } from 'vitest'
import { sameStyles, styledChars } from '../../src/ui/styled-line.js'

const CODES = ['\x1b[1m', '\x1b[2m', '\x1b[22m', '\x1b[3m', '\x1b[23m', '\x1b[4m', '\x1b[24m', '\x1b[7m', '\x1b[27m', '\x1b[31m', '\x1b[32m', '\x1b[39m',
  '\x1b[38;5;208m', '\x1b[44m', '\x1b[49m', '\x1b[0m', '\x1b]8;;https://example.org\x07', '\x1b]8;;\x07']

/** A line of text with codes dropped in at random (a fixed seed: the same lines every run). */
function lines (count: number): string[] {
  let seed = 42
  const next = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n }
  return Array.from({ length: count }, () => {
    let line = ''
    for (let i = 0; i < 60; i++) line += (next(4) === 0 ? CODES[next(CODES.length)]! : '') + 'abc xyz│─é'[next(11)]!
    return line
  })
}

describe('sameStyles', () => {
  it('is true for the same or equal lists and false when a code differs, is added or is missing', () => {
    const bold = { code: '\x1b[1m', endCode: '\x1b[22m' }
    const red = { code: '\x1b[31m', endCode: '\x1b[39m' }
    expect(sameStyles([], [])).toBe(true)
    expect(sameStyles([bold, red], [{ ...bold }, { ...red }])).toBe(true)
    expect(sameStyles([bold], [red])).toBe(false)
    expect(sameStyles([bold], [bold, red])).toBe(false)
    expect(sameStyles([bold, red], [red, bold])).toBe(false)
  })

  it('never skips a diff that would write a code, on 400 styled lines', () => {
    let same = 0
    let differ = 0
    for (const line of lines(400)) {
      const chars = styledCharsFromTokens(tokenize(line))
      for (let i = 1; i < chars.length; i++) {
        const diff = ansiCodesToString(diffAnsiCodes(chars[i - 1]!.styles, chars[i]!.styles))
        if (sameStyles(chars[i - 1]!.styles, chars[i]!.styles)) {
          expect(diff).toBe('')
          same++
        } else if (diff !== '') differ++
      }
      // The end of a line: nothing to reset when the last character has no style.
      const last = chars.at(-1)!
      if (last.styles.length === 0) expect(ansiCodesToString(diffAnsiCodes(last.styles, []))).toBe('')
    }
    // Both cases were met, many times.
    expect(same).toBeGreaterThan(1000)
    expect(differ).toBeGreaterThan(1000)
  })
})

describe('styledChars', () => {
  it('gives the characters the package gives, on 400 styled lines, and the same text back', () => {
    for (const line of lines(400)) {
      const ours = styledChars(tokenize(line), reduceAnsiCodesIncremental)
      expect(ours).toEqual(styledCharsFromTokens(tokenize(line)))
      expect(styledCharsToString(ours)).toBe(styledCharsToString(styledCharsFromTokens(tokenize(line))))
    }
  })

  it('lets characters between two codes share one list of codes', () => {
    const chars = styledChars(tokenize('\x1b[1mab\x1b[31mcd\x1b[0me'), reduceAnsiCodesIncremental)
    expect(chars.map(c => c.value).join('')).toBe('abcde')
    expect(chars[0]!.styles).toBe(chars[1]!.styles)
    expect(chars[2]!.styles).toBe(chars[3]!.styles)
    expect(chars[1]!.styles).not.toBe(chars[2]!.styles)
    expect(chars[1]!.styles.map(c => c.code)).toEqual(['\x1b[1m'])
    expect(chars[4]!.styles).toEqual([])
  })

  // Sharing is right only while nothing changes a list once made: the package's reducer (every code of
  // every test line, applied to frozen lists, would throw if it wrote into one) and its styledCharsToString.
  it('is safe to share: neither the reducer nor the writer changes a list of codes', () => {
    for (const line of lines(100)) {
      let codes = Object.freeze([]) as unknown as ReturnType<typeof reduceAnsiCodesIncremental>
      for (const token of tokenize(line)) {
        if (token.type === 'ansi') codes = Object.freeze(reduceAnsiCodesIncremental(codes, [token])) as typeof codes
      }
      const chars = styledChars(tokenize(line), reduceAnsiCodesIncremental)
      for (const c of chars) Object.freeze(c.styles)
      expect(() => styledCharsToString(chars)).not.toThrow()
    }
  })
})
