import { describe, expect, it } from 'vitest'
import { formatFields, formatTable, truncate } from '../../src/cli/format.js'
import { accountsTable, checklistTable } from '../../src/cli/views.js'
import { checklistRows } from '../../src/domain/index.js'

describe('formatTable', () => {
  const rows = [{ a: 'Harborview Sample Electronics', b: '12' }, { a: 'Blue Heron', b: '3' }]
  const cols = [{ title: 'NAME', get: (r: typeof rows[0]) => r.a }, { title: 'N', get: (r: typeof rows[0]) => r.b, align: 'right' as const }]

  it('lays out columns with two spaces when they fit', () => {
    expect(formatTable(rows, cols, 80).split('\n')).toEqual(['NAME                            N', 'Harborview Sample Electronics  12', 'Blue Heron                      3'])
  })

  it.each([[20, 'Harborview Sampl… 12'], [12, 'Harborvi… 12']])('shrinks the flexible column to fit width %i', (width, second) => {
    const out = formatTable(rows, cols, width).split('\n')
    for (const line of out) expect(line.length).toBeLessThanOrEqual(width)
    expect(out[1]).toBe(second)
  })

  it('leaves out the columns that may go, lowest drop first, when the rest cannot fit; never a line wider than the width', () => {
    const wide = [{ a: 'Harborview Sample Electronics', b: 'blue-heron-d-a23u', c: '99-1000001 +1', d: 'Long Beach' }]
    type R = typeof wide[0]
    const columns = [
      { title: 'NAME', get: (r: R) => r.a, min: 12 },
      { title: 'ID', get: (r: R) => r.b },
      { title: 'IR#', get: (r: R) => r.c, drop: 2 },
      { title: 'LEAD PORT', get: (r: R) => r.d, flex: true, min: 9, drop: 1 }
    ]
    const at = (width: number) => formatTable(wide, columns, width).split('\n')
    expect(at(80)).toEqual(['NAME                           ID                 IR#            LEAD PORT', 'Harborview Sample Electronics  blue-heron-d-a23u  99-1000001 +1  Long Beach'])
    // 12 + 17 + 13 + 9 and three gaps: 54. At 50 the lead port goes, and the name gets its room back.
    expect(at(54)[1]).toBe('Harborview…  blue-heron-d-a23u 99-1000001 +1 Long Bea…')
    expect(at(50)).toEqual(['NAME               ID                IR#', 'Harborview Sample… blue-heron-d-a23u 99-1000001 +1'])
    expect(at(36)).toEqual(['NAME               ID', 'Harborview Sample… blue-heron-d-a23u'])
    // Nothing left to drop or narrow: the line itself is cut.
    for (const width of [80, 54, 50, 36, 20, 5]) for (const line of at(width)) expect(line.length).toBeLessThanOrEqual(width)
  })

  it('truncates with an ellipsis', () => {
    expect(truncate('abcdef', 4)).toBe('abc…')
    expect(truncate('abc', 4)).toBe('abc')
    expect(truncate('abc', 0)).toBe('')
  })

  it('aligns labelled fields and drops empty ones', () => {
    expect(formatFields([['Name', 'Harbor'], ['Lead port', ''], ['IR#s', '12-3456789']])).toBe('Name: Harbor\nIR#s: 12-3456789')
  })
})

describe('views', () => {
  it('says how to start when there are no accounts', () => {
    expect(accountsTable([], 80)).toMatch(/pat demo/)
  })

  it('fits the accounts table into 80 columns', () => {
    const row = {
      id: 'harborview-s-ch68',
      name: 'Harborview Sample Electronics (DEMO)',
      iors: ['99-1000001', '99-100000101'],
      kind: 'port' as const,
      leadPort: 'Long Beach',
      stage: 'improve' as const,
      archived: false,
      createdAt: '',
      createdBy: '',
      openItems: 3,
      nextDue: '2026-11-17',
      conflicts: 0
    }
    const lines = accountsTable([row], 80).split('\n')
    expect(lines.every(l => l.length <= 80)).toBe(true)
    expect(lines[1]).toMatch(/harborview-s-ch68.*99-1000001 \+1.*Improve.*3.*2026-11-17/)
  })

  it('groups the checklist by area with answers and reasons', () => {
    const rows = checklistRows(new Map([['business.C', { answer: 'na' as const, reason: 'no remote filing', by: 'm', at: 't' }]]), [])
    const text = checklistTable(rows, 100)
    expect(text).toMatch(/^Compliance Items/)
    expect(text).toMatch(/business\.C\s+Remote Filing\s+No\/NA\s+no remote filing/)
    expect(text.match(/—/g)).toHaveLength(18)
  })
})
