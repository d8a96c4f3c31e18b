import { describe, expect, it } from 'vitest'
import {
  addMonths, addYears, conditionalPeriodEnd, daysBetween, isOverdue, nextDue, parseDate, slugify, sortPlanItems, today
} from '../../src/domain/index.js'
import { Temporal } from 'temporal-polyfill'

describe('calendar dates', () => {
  it('follows the calendar across leap years and month ends', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28')
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28')
    expect(daysBetween('2027-12-31', '2028-03-01')).toBe(61)
    expect(parseDate(' 2027-03-15 ')).toBe('2027-03-15')
  })

  it("today is the machine's calendar day, as Temporal reads it for the machine's time zone", () => {
    // today() reads Date's local fields (no Intl time-zone look-up at start-up); both must name the same day.
    const before = Temporal.Now.plainDateISO().toString()
    const day = today()
    const after = Temporal.Now.plainDateISO().toString()
    expect([before, after]).toContain(day)
    const zone = 'Pacific/Kiritimati'
    const zoneBefore = Temporal.Now.plainDateISO(zone).toString()
    expect([zoneBefore, Temporal.Now.plainDateISO(zone).toString()]).toContain(today(zone))
  })
})

describe('the project list', () => {
  const items = [
    { title: 'c', priority: 'low' as const, due: '2027-01-01', status: 'open' as const },
    { title: 'b', priority: 'high' as const, status: 'open' as const },
    { title: 'a', priority: 'high' as const, due: '2027-05-01', status: 'done' as const },
    { title: 'd', priority: 'medium' as const, due: '2026-01-01', status: 'in-progress' as const }
  ]

  it('orders High → Medium → Low, then by due date with undated last', () => {
    expect(sortPlanItems(items).map(i => i.title)).toEqual(['a', 'b', 'd', 'c'])
  })

  it('finds overdue open items and the next due date of open items only', () => {
    expect(isOverdue(items[3]!, '2026-06-01')).toBe(true)
    expect(isOverdue(items[2]!, '2028-01-01')).toBe(false) // done items are never overdue
    expect(isOverdue(items[0]!, '2027-01-01')).toBe(false) // due today is not overdue
    expect(nextDue(items)).toBe('2026-01-01')
  })
})

describe('CIP conditional period', () => {
  it('ends six months after the report, or at the latest extension', () => {
    expect(conditionalPeriodEnd('2026-08-31', [])).toBe('2027-02-28')
    expect(conditionalPeriodEnd('2026-01-15', [{ until: '2026-09-01' }, { until: '2026-08-01' }])).toBe('2026-09-01')
    expect(conditionalPeriodEnd(undefined, [])).toBeUndefined()
  })
})

describe('account ids', () => {
  it('slugs names to short ASCII', () => {
    expect(slugify('Café Ñandú Imports, Inc.', 40)).toBe('cafe-nandu-imports-inc')
    expect(slugify('***')).toBe('account')
    expect(slugify('Harborview Sample Electronics', 12)).toBe('harborview-s')
  })
})
