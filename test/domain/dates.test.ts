import { describe, expect, it } from 'vitest'
import { Temporal } from 'temporal-polyfill'
import { addDays, addMonths, addYears, compareDates, daysBetween, parseDate, today } from '../../src/domain/index.js'

// The calendar arithmetic of src/domain/dates.ts is done on day numbers, without Temporal (start-up time);
// Temporal.PlainDate is the reference it must agree with, day for day.
const plain = (s: string) => Temporal.PlainDate.from(s)

/** Every day of a few years around leap days and century rules, and the edges of four-digit years. */
function sampleDays (): string[] {
  const days: string[] = []
  for (const [from, to] of [['1899-12-20', '1900-03-10'], ['1999-12-20', '2000-03-10'], ['2024-01-15', '2025-03-05'], ['2027-12-20', '2028-03-10']] as const) {
    for (let d = plain(from); Temporal.PlainDate.compare(d, plain(to)) <= 0; d = d.add({ days: 1 })) days.push(d.toString())
  }
  return [...days, '0000-01-01', '0000-02-29', '0099-12-31', '9999-12-31']
}

describe('calendar arithmetic agrees with Temporal.PlainDate', () => {
  const days = sampleDays()

  it('adds days, months and years, constraining to the month\'s last day', () => {
    for (const [i, s] of days.entries()) {
      for (const n of [0, 1, -1, 29, -59, 366, i % 1000 - 500]) {
        expect(addDays(s, n), `${s} + ${n} days`).toBe(plain(s).add({ days: n }).toString())
        expect(addMonths(s, n % 40), `${s} + ${n % 40} months`).toBe(plain(s).add({ months: n % 40 }).toString())
      }
      for (const n of [1, 2, -1, 4]) expect(addYears(s, n), `${s} + ${n} years`).toBe(plain(s).add({ years: n }).toString())
    }
  })

  it('counts days between and compares dates', () => {
    for (const [i, s] of days.entries()) {
      const other = days[(i * 7919) % days.length]!
      expect(daysBetween(s, other)).toBe(plain(s).until(plain(other), { largestUnit: 'day' }).days)
      expect(compareDates(s, other)).toBe(Temporal.PlainDate.compare(plain(s), plain(other)))
    }
  })

  it('reads the date forms Temporal reads and refuses the ones it refuses', () => {
    for (const s of ['2024-01-01T10:00', '20240101', '+002024-01-01', '2024-02-29']) expect(addDays(s, 0)).toBe(plain(s).toString())
    for (const s of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-01-01Z', ' 2024-01-01', '']) {
      expect(() => plain(s)).toThrow(RangeError)
      expect(() => addDays(s, 0)).toThrow(RangeError)
    }
  })

  it('validates typed dates by the calendar', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29')
    expect(() => parseDate('2023-02-29', 'due date')).toThrow('invalid due date "2023-02-29": no such calendar day')
    expect(() => parseDate('2023-2-1')).toThrow('write it as YYYY-MM-DD')
  })

  it('gives the day of a named time zone as Temporal does, and refuses an unknown zone', () => {
    for (const zone of ['UTC', 'Pacific/Kiritimati', 'Pacific/Niue', 'Asia/Kolkata', 'America/St_Johns']) {
      const before = Temporal.Now.plainDateISO(zone).toString()
      expect([before, Temporal.Now.plainDateISO(zone).toString()]).toContain(today(zone))
    }
    expect(() => today('Nowhere/Nothing')).toThrow(RangeError)
  })
})
