import { describe, expect, it } from 'vitest'
import { hasControl, printable, printableLine, quote } from '../../src/domain/printable.js'

const EVIL = 'Evil\x1b[31mRED\x1b[0m\x1b]0;TITLE\x1b\\ Bell\x07 Co\b\x7f\x9b2J\u202eabc'

describe('printable', () => {
  it('shows every control character as one visible symbol, so widths stay', () => {
    const shown = printable(EVIL)
    expect(hasControl(shown)).toBe(false)
    expect([...shown]).toHaveLength([...EVIL].length)
    expect(shown).toBe('Evil␛[31mRED␛[0m␛]0;TITLE␛\\ Bell␇ Co␈␡\ufffd2J\ufffdabc')
  })

  it('keeps newlines and tabs in text, and makes one line of them in printableLine', () => {
    expect(printable('a\nb\tc')).toBe('a\nb\tc')
    expect(printableLine('a\n\n b\tc\r\x1b')).toBe('a  b c ␛')
  })

  it('keeps CRLF line ends (CSV has them) but shows a lone carriage return, which would overwrite the line', () => {
    expect(printable('a,b\r\nc,d\r\n')).toBe('a,b\r\nc,d\r\n')
    expect(printable('paid\rUNPAID')).toBe('paid␍UNPAID')
    expect(printable('x\r\n\x1b[1my\rz', { keepStyle: true })).toBe('x\r\n\x1b[1my␍z')
  })

  it('keeps only our own colour codes in styled output', () => {
    expect(printable('\x1b[1mbold\x1b[22m \x1b]0;T\x07', { keepStyle: true })).toBe('\x1b[1mbold\x1b[22m ␛]0;T␇')
  })

  it('quotes at most 80 characters of a value, on one line', () => {
    expect(quote('x'.repeat(130_000))).toBe(`"${'x'.repeat(80)}…"`)
    expect(quote('a\nb\x1b')).toBe('"a b␛"')
  })
})
