import { describe, expect, it } from 'vitest'
import { layoutColumns, oneLine, pad, renderLine, renderRuns, textWidth, truncate, type ColumnSpec } from '../../../src/ui/format/cells.js'
import { clampIndex, firstVisible, scrollInfo, scrollTop } from '../../../src/ui/format/window.js'
import { excerptPreview, hitPlace, markSegments, wrapText } from '../../../src/ui/format/text.js'

describe('cells', () => {
  it.each([
    ['Harborview', 20, 'Harborview'],
    ['Harborview Sample Electronics', 10, 'Harborvie…'],
    ['abc', 1, '…'],
    ['abc', 0, ''],
    ['𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 4, '𝔘𝔫𝔦…']
  ])('truncate(%j, %i) = %j', (text, width, want) => {
    expect(truncate(text, width)).toBe(want)
  })

  it.each([
    ['ab', 4, 'left', 'ab  '],
    ['ab', 4, 'right', '  ab'],
    ['abcdef', 4, 'left', 'abc…']
  ] as const)('pad(%j, %i, %s) = %j', (text, width, align, want) => {
    expect(pad(text, width, align)).toBe(want)
  })

  it.each([['Harborview', 10], ['𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 7], ['', 0]])('textWidth(%j) = %i characters', (text, want) => {
    expect(textWidth(text)).toBe(want)
  })

  it('oneLine folds whitespace and newlines', () => {
    expect(oneLine('  two\n lines\t here ')).toBe('two lines here')
  })

  const columns: ColumnSpec[] = [
    { key: 'name', title: 'NAME', flex: true, min: 8 },
    { key: 'port', title: 'PORT', flex: true, min: 5, max: 12 },
    { key: 'n', title: 'N', align: 'right' }
  ]
  const rows = [{ name: { text: 'A very long account name indeed' }, port: { text: 'Long Beach' }, n: { text: '12' } }]

  it.each([80, 40, 24, 12])('columns fill exactly %i characters when they can', width => {
    const widths = layoutColumns(columns, rows, width)
    expect(widths.reduce((a, b) => a + b, 0) + columns.length - 1).toBe(width)
    expect(renderLine(columns, widths, rows[0]!)).toHaveLength(width)
  })

  it('draws a row as runs of one tone each, the same text as the whole line', () => {
    const row = { name: { text: 'Harborview' }, port: { text: 'Long Beach' }, n: { text: '3', tone: 'warning' as const } }
    const widths = layoutColumns(columns, [row], 40)
    const runs = renderRuns(columns, widths, row)
    expect(runs.map(r => r.tone)).toEqual([undefined, 'warning'])
    expect(runs.map(r => r.text).join('')).toBe(renderLine(columns, widths, row))
    const toned = { ...row, name: { text: 'Old Co', tone: 'secondary' as const } }
    expect(renderRuns(columns, widths, toned).map(r => r.tone)).toEqual(['secondary', undefined, 'warning'])
  })

  it('shrinks the widest flexible column first, down to its minimum', () => {
    const widths = layoutColumns(columns, rows, 30)
    expect(widths[2]).toBe(2)
    expect(widths[1]).toBe(10)
    expect(widths[0]).toBe(30 - 2 - 10 - 2)
  })
})

describe('windows and scrolling', () => {
  it.each([
    [5, 0, 10, 20, 0], [12, 0, 10, 20, 3], [2, 5, 10, 20, 2], [19, 0, 10, 20, 10], [3, 7, 10, 5, 0]
  ])('scrollTop(index %i, top %i, height %i, count %i) = %i', (index, top, height, count, want) => {
    expect(scrollTop(index, top, height, count)).toBe(want)
  })

  it.each([[0, 10, 5, ''], [0, 10, 30, '1–10 of 30'], [25, 10, 30, '26–30 of 30']])('scrollInfo(%i, %i, %i) = %j', (top, h, n, want) => {
    expect(scrollInfo(top, h, n)).toBe(want)
  })

  it('clamps indexes into the list', () => {
    expect([clampIndex(-1, 3), clampIndex(5, 3), clampIndex(1, 3), clampIndex(4, 0)]).toEqual([0, 2, 1, 0])
  })

  it('shows the focused field of a tall form, as early as possible', () => {
    expect(firstVisible([1, 2, 1, 3, 1], 0, 4)).toBe(0)
    expect(firstVisible([1, 2, 1, 3, 1], 3, 4)).toBe(2)
    expect(firstVisible([1, 2, 1, 3, 1], 4, 4)).toBe(3)
  })
})

describe('text', () => {
  it('wraps at word boundaries, breaks long words, keeps indentation', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four'])
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij'])
    expect(wrapText('  indented words here', 12)).toEqual(['  indented', '  words here'])
    expect(wrapText('a\n\nb', 5)).toEqual(['a', '', 'b'])
  })

  it('previews an excerpt from its answering sentence when it does not fit whole', () => {
    const before = 'The **profile** includes a compendium of data on the import activities of the account.'
    const answer = '**Review** account **profile** at least every 2 years.'
    const after = 'Update as necessary.'
    // It fits: every line, in reading order.
    expect(excerptPreview([before, answer].join('\n'), 100, 4)).toEqual([before, answer])
    // It does not: the answer first, then what follows it; the sentence before only if it fits whole too.
    const narrow = excerptPreview([before, answer, after].join('\n'), 30, 3)
    expect(narrow).toEqual(['**Review** account **profile**', 'at least every 2 years.', 'Update as necessary.'])
    expect(excerptPreview([before, answer].join('\n'), 30, 2)).toEqual(['**Review** account **profile**', 'at least every 2 years.'])
    expect(excerptPreview(['Short one.', answer].join('\n'), 60, 2)).toEqual(['Short one.', answer])
    // Equal marks: the first such sentence, as the search picks it.
    expect(excerptPreview(['one **a**', 'two **b**', 'three **c**'].join('\n'), 9, 1)).toEqual(['one **a**'])
  })

  it('splits **marked** matches out of an excerpt', () => {
    expect(markSegments('the **review** of **profile**')).toEqual([
      { text: 'the ', match: false }, { text: 'review', match: true }, { text: ' of ', match: false }, { text: 'profile', match: true }
    ])
  })
})

describe('where a search result stands', () => {
  it.each([
    [{ source: 'SOP', trail: ['Improve Account Compliance', 'The Process'] }, 'Improve Account Compliance › The Process — SOP'],
    [{ source: 'SOP', trail: ['Select an Account'] }, 'Select an Account — SOP'],
    [{ source: 'CIP Framework', trail: [] }, 'CIP Framework']
  ])('puts the headings before the document: %o', (hit, place) => {
    expect(hitPlace(hit)).toBe(place)
  })
})
