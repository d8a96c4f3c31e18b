import { describe, expect, it } from 'vitest'
import { cursorRow, editArea, moveRows, wrapRows } from '../../../src/ui/keys/text-area.js'

const rowsText = (value: string, width: number) => wrapRows(value, width).map(r => [...value].slice(r.start, r.end).join(''))

describe('multi-line text editing', () => {
  it.each([
    ['', 10, ['']],
    ['short', 10, ['short']],
    ['one two three four', 10, ['one two ', 'three four']],
    ['abcdefghijklmnop', 10, ['abcdefghij', 'klmnop']],
    ['first\nsecond line here', 8, ['first', 'second ', 'line ', 'here']],
    ['ends with break\n', 20, ['ends with break', '']]
  ])('wraps %j at %i columns', (value, width, want) => {
    expect(rowsText(value, width)).toEqual(want)
  })

  it('Enter and a pasted line break start a new line; typing inserts at the cursor', () => {
    let s = { value: 'ab', cursor: 1 }
    s = editArea(s, 'enter', '', 20)!
    expect(s).toEqual({ value: 'a\nb', cursor: 2 })
    s = editArea(s, 'x\r\ny', 'x\r\ny', 20)!
    expect(s).toEqual({ value: 'a\nx\nyb', cursor: 5 })
  })

  it('↑/↓ move by wrapped row keeping the column; Home/End go to the row\'s ends', () => {
    const value = 'one two three four\nfive'
    // rows at 10: "one two " | "three four" | "five"
    let s = { value, cursor: 2 }
    s = moveRows(s, 10, 1)
    expect(cursorRow(wrapRows(value, 10), s.cursor)).toEqual({ row: 1, col: 2 })
    s = moveRows(s, 10, 1)
    expect(s.cursor).toBe(19 + 2)
    s = moveRows(s, 10, 1) // past the last row: to the end
    expect(s.cursor).toBe([...value].length)
    s = editArea({ value, cursor: 10 }, 'home', '', 10)!
    expect(s.cursor).toBe(8)
    s = editArea(s, 'end', '', 10)!
    expect(s.cursor).toBe(18)
    expect(editArea({ value, cursor: 3 }, 'end', '', 10)!.cursor).toBe(7) // a wrapped row ends before the next begins
  })

  it('Backspace joins lines; ←/→ cross them; other keys are not editing keys', () => {
    expect(editArea({ value: 'a\nb', cursor: 2 }, 'backspace', '', 10)).toEqual({ value: 'ab', cursor: 1 })
    expect(editArea({ value: 'a\nb', cursor: 1 }, 'right', '', 10)).toEqual({ value: 'a\nb', cursor: 2 })
    expect(editArea({ value: 'a', cursor: 1 }, 'ctrl-s', '', 10)).toBeUndefined()
    expect(editArea({ value: 'a', cursor: 1 }, 'escape', '', 10)).toBeUndefined()
  })
})
