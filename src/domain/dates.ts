/**
 * Calendar dates (the SOP's due dates, review dates, plan dates) as ISO `YYYY-MM-DD` strings. They are
 * dates, not instants: no time zone can move them, and arithmetic follows the proleptic Gregorian calendar
 * (a year after 2024-02-29 is 2025-02-28; a month after 01-31 is the month's last day), as
 * Temporal.PlainDate does it. The arithmetic is done here on day numbers (days since 1970-01-01, through
 * Date's UTC functions, which know no time zone) rather than with temporal-polyfill: that library is 150 kB
 * that every `pat` command compiled at start-up (docs/startup.md), for a few lines of calendar work.
 * test/domain/plan-cip-dates.test.ts checks these against Temporal.
 */
import { InputError } from './errors.js'
import { localDate } from './local-date.js'

export type IsoDate = string

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
/** The date forms Temporal.PlainDate.from reads: extended or basic, optionally with a time of day after it. */
const DATE_FORMS = /^([+-]\d{6}|\d{4})(?:-(\d{2})-(\d{2})|(\d{2})(\d{2}))(?:[Tt ]\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d{1,9})?)?)?)?$/
const MS_PER_DAY = 86_400_000

interface Ymd { y: number, m: number, d: number }

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const daysInMonth = (y: number, m: number) => m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31

/** The calendar date of a string, or undefined if it names no day. */
function readDate (text: string): Ymd | undefined {
  const match = DATE_FORMS.exec(text)
  if (!match || match[1] === '-000000') return undefined
  const y = Number(match[1])
  const m = Number(match[2] ?? match[4])
  const d = Number(match[3] ?? match[5])
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? { y, m, d } : undefined
}

/** Reads a date the way Temporal.PlainDate.from does, throwing a RangeError for anything else. */
function ymd (date: IsoDate): Ymd {
  const parsed = readDate(date)
  if (!parsed) throw new RangeError(`invalid calendar date: ${date}`)
  return parsed
}

/** Day number of a date (days since 1970-01-01); setUTCFullYear keeps years 0–99 as they are. */
function dayNumber ({ y, m, d }: Ymd): number {
  const t = new Date(0)
  t.setUTCFullYear(y, m - 1, d)
  return Math.round(t.getTime() / MS_PER_DAY)
}

function fromDayNumber (n: number): Ymd {
  const t = new Date(n * MS_PER_DAY)
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }
}

/** ISO form: four-digit years, six digits and a sign outside 0000–9999 (as Temporal writes them). */
function isoString ({ y, m, d }: Ymd): IsoDate {
  const p = (n: number) => String(n).padStart(2, '0')
  const year = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : (y < 0 ? '-' : '+') + String(Math.abs(y)).padStart(6, '0')
  return `${year}-${p(m)}-${p(d)}`
}

/** Parses and validates a calendar date, returning it in canonical form; throws a one-line InputError. */
export function parseDate (value: string, field = 'date', key = field): IsoDate {
  const text = value.trim()
  if (!ISO_DATE.test(text)) {
    throw new InputError(`invalid ${field} "${value}": write it as YYYY-MM-DD, e.g. 2027-03-15`, key)
  }
  const parsed = readDate(text)
  if (!parsed) throw new InputError(`invalid ${field} "${value}": no such calendar day`, key)
  return isoString(parsed)
}

/**
 * Today's date in the machine's time zone (or the one given), the day a person at this desk sees. The
 * machine's own day comes from Date (local-date.ts), without an Intl look-up of the zone's name; another
 * zone's day from Intl (an unknown zone is a RangeError).
 */
export function today (timeZone?: string): IsoDate {
  if (timeZone === undefined) return localDate()
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, calendar: 'iso8601', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date())
  const part = (type: string) => Number(parts.find(p => p.type === type)?.value)
  const year = parts.find(p => p.type === 'era')?.value.startsWith('B') ? 1 - part('year') : part('year')
  return isoString({ y: year, m: part('month'), d: part('day') })
}

export function addDays (date: IsoDate, days: number): IsoDate {
  return isoString(fromDayNumber(dayNumber(ymd(date)) + days))
}

export function addMonths (date: IsoDate, months: number): IsoDate {
  const { y, m, d } = ymd(date)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  return isoString({ y: year, m: month, d: Math.min(d, daysInMonth(year, month)) })
}

export function addYears (date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween (from: IsoDate, to: IsoDate): number {
  return dayOf(to) - dayOf(from)
}

export function compareDates (a: IsoDate, b: IsoDate): number {
  const x = dayOf(a)
  const y = dayOf(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * Day numbers of the date strings read lately: `pat due` at 10,000 accounts compares and subtracts some
 * 70,000 entries' dates, a few thousand distinct ones, over a million times while sorting. Only valid dates
 * are kept (an invalid one throws each time), and the memo is emptied when it grows past its bound.
 */
const DAY_MEMO = new Map<string, number>()
const DAY_MEMO_MAX = 8192

function dayOf (date: IsoDate): number {
  let n = DAY_MEMO.get(date)
  if (n === undefined) {
    n = dayNumber(ymd(date))
    if (DAY_MEMO.size >= DAY_MEMO_MAX) DAY_MEMO.clear()
    DAY_MEMO.set(date, n)
  }
  return n
}
