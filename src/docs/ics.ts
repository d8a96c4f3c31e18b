/**
 * Due dates as an iCalendar file (ical-generator, loaded only here): each due entry an all-day event whose
 * summary says what is due and for which account, with the rule in words and no links in its description.
 * An event's UID is derived from what the entry is about — its rule, account and plan item or CIP, not its
 * date — so a calendar that imports the file again updates the event (a moved due date moves it) instead
 * of adding a second one.
 */
import { createHash } from 'node:crypto'
import { addDays, type DueEntry } from '../domain/index.js'
import { withoutControls } from '../domain/printable.js'

/** Text from the team's records without control characters (a calendar shows them raw). */
const clean = withoutControls

/** A UID per entry, stable across runs; entries about the same thing (rare) are told apart by date. */
export function dueUids (entries: readonly DueEntry[]): string[] {
  const base = entries.map(e => `${e.rule}/${e.accountId ?? 'workspace'}/${e.ref ?? ''}`)
  return base.map((b, i) => {
    const key = base.indexOf(b) !== base.lastIndexOf(b) ? `${b}/${entries[i]!.date}` : b
    return `${createHash('sha256').update(key).digest('hex').slice(0, 24)}@patdesk`
  })
}

export async function dueCalendar (entries: readonly DueEntry[], opts: { name: string, now?: Date }): Promise<string> {
  const { default: ical } = await import('ical-generator')
  const calendar = ical({ name: clean(opts.name), prodId: { company: 'PAT Desk', product: 'pat due', language: 'EN' } })
  const uids = dueUids(entries)
  entries.forEach((e, i) => {
    const who = e.accountName ? clean(e.accountName) : 'whole workspace'
    calendar.createEvent({
      id: uids[i]!,
      start: e.date,
      end: addDays(e.date, 1), // all-day events end (exclusively) the next day
      allDay: true,
      stamp: opts.now ?? new Date(),
      summary: `${clean(e.title)} — ${who}`,
      description: [
        `Account: ${who}`,
        `Due: ${e.date}${e.overdue ? ' (overdue)' : ''}`,
        `Rule: ${clean(e.ruleText)}`,
        ...(e.since ? [`Computed from: ${e.since}`] : []),
        ...(e.note ? [`Note: ${clean(e.note)}`] : [])
      ].join('\n'),
      categories: [{ name: e.kind }]
    })
  })
  return calendar.toString()
}
