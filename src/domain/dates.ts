/**
 * Calendar dates (the SOP's due dates, review dates, plan dates) as ISO `YYYY-MM-DD` strings. They are
 * dates, not instants: no time zone can move them, and arithmetic follows the calendar (a year after
 * 2024-02-29 is 2025-02-28). Temporal.PlainDate does the calendar work.
 */
import { Temporal } from 'temporal-polyfill'
import { InputError } from './errors.js'
import { localDate } from './local-date.js'

export type IsoDate = string

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Parses and validates a calendar date, returning it in canonical form; throws a one-line InputError. */
export function parseDate (value: string, field = 'date', key = field): IsoDate {
  const text = value.trim()
  if (!ISO_DATE.test(text)) {
    throw new InputError(`invalid ${field} "${value}": write it as YYYY-MM-DD, e.g. 2027-03-15`, key)
  }
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' }).toString()
  } catch {
    throw new InputError(`invalid ${field} "${value}": no such calendar day`, key)
  }
}

/**
 * Today's date in the machine's time zone (or the one given), the day a person at this desk sees. The
 * machine's own day comes from Date (local-date.ts), without Temporal's Intl look-up of the zone's name.
 */
export function today (timeZone?: string): IsoDate {
  return timeZone === undefined ? localDate() : Temporal.Now.plainDateISO(timeZone).toString()
}

export function addDays (date: IsoDate, days: number): IsoDate {
  return Temporal.PlainDate.from(date).add({ days }).toString()
}

export function addMonths (date: IsoDate, months: number): IsoDate {
  return Temporal.PlainDate.from(date).add({ months }).toString()
}

export function addYears (date: IsoDate, years: number): IsoDate {
  return Temporal.PlainDate.from(date).add({ years }).toString()
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween (from: IsoDate, to: IsoDate): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'day' }).days
}

export function compareDates (a: IsoDate, b: IsoDate): number {
  return Temporal.PlainDate.compare(Temporal.PlainDate.from(a), Temporal.PlainDate.from(b))
}
