/**
 * Dated events of the Manage stage: meetings with the account, reviews (of the profile, the action plan, or
 * account activity), interviews, and referrals to other Customs offices. They are the record that the
 * SOP's cadence rules are measured against.
 */
import { compareDates, type IsoDate } from './dates.js'
import type { EntityStamp, FieldKey, FieldSpec } from './fields.js'

export const EVENT_TYPES = ['meeting', 'review', 'interview', 'referral', 'other'] as const
export type EventType = typeof EVENT_TYPES[number]
export const REVIEW_SUBJECTS = ['profile', 'plan', 'activity'] as const
export type ReviewSubject = typeof REVIEW_SUBJECTS[number]

export const EVENT_FIELDS: readonly FieldSpec<FieldKey<AccountEvent>>[] = [
  { key: 'type', label: 'Event type', kind: 'enum', values: EVENT_TYPES, required: true },
  { key: 'date', label: 'Date', kind: 'date', required: true },
  { key: 'title', label: 'Title', kind: 'text', required: true },
  { key: 'subject', label: 'Review of', noun: 'review subject', kind: 'enum', values: REVIEW_SUBJECTS },
  { key: 'notes', label: 'Notes', kind: 'text' }
]

/** A dated event of the account (EVENT_FIELDS). */
export type AccountEvent = EntityStamp & {
  readonly type: EventType
  readonly date: IsoDate
  readonly title: string
  readonly subject?: ReviewSubject
  readonly notes?: string
}

/**
 * The dates of the events of a type (and, for reviews, a subject) held by `today`, oldest first. An event
 * dated later is planned, not held: the lifecycle ("first meeting held") and the cadence ("reviewed at least
 * every 2 years") ask this one question of the record.
 */
export function heldDates (events: readonly Partial<AccountEvent>[] | undefined, type: EventType, today: IsoDate, subject?: ReviewSubject): IsoDate[] {
  return (events ?? [])
    .filter(e => e.type === type && (subject === undefined || e.subject === subject) && typeof e.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(e.date) && compareDates(e.date, today) <= 0)
    .map(e => e.date as IsoDate)
    .sort(compareDates)
}
