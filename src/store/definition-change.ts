/**
 * The account definition changed: recorded by the store itself, in the same edit as the change, so the OST
 * notice comes due without anyone typing a date (SOP, Establish, step 3: "contact OST AUTOMATION SUPPORT via
 * cc:Mail to inform them of the additional numbers"; domain/ost.ts asks whether it is still pending). What
 * counts: an IR# added or removed, the account's kind, and a related company (Types One–Four) added,
 * removed, renamed or given another type. Creating an account records nothing: its first notice is the
 * `establish.ost` task. A date given by hand in the same edit (`--definition-changed`) is kept as given.
 *
 * Dates are days, so a notice recorded on the day of the change (or later) would read as covering it
 * (domain/ost.ts: notified on or after the change). A notice already on file when the change is made was
 * given before it, so the change clears it — the log keeps the old date — and the notice comes due again;
 * a notice given in the same edit (`--ost-notified`) is the one that covers the change and stays.
 */
import type * as Y from 'yjs'
import { ACCOUNT_PROFILE_FIELDS, DEFINITION_FIELDS, compareDates, type FieldSpec, type FieldValue, type RelatedCompany } from '../domain/index.js'
import { localDate } from '../domain/local-date.js'
import { readField, writeField } from './fields.js'
import { accountRoots } from './schema.js'

type YRecord = Y.Map<unknown>

const SPEC = ACCOUNT_PROFILE_FIELDS.find(s => s.key === 'definitionChanged')!
const NOTIFIED = ACCOUNT_PROFILE_FIELDS.find(s => s.key === 'ostNotified')!

/** A comparable form of a field's value (lists in any order are the same list). */
const same = (a: FieldValue | undefined, b: FieldValue | undefined): boolean =>
  JSON.stringify(Array.isArray(a) ? [...a].sort() : a ?? null) === JSON.stringify(Array.isArray(b) ? [...b].sort() : b ?? null)

/** The definition fields of the account header as they are now, to compare after a write. */
export function definitionBefore (entry: YRecord, specs: readonly FieldSpec[]): Map<string, FieldValue | undefined> {
  const out = new Map<string, FieldValue | undefined>()
  for (const key of DEFINITION_FIELDS) {
    const spec = specs.find(s => s.key === key)
    if (spec) out.set(key, readField(entry, spec))
  }
  return out
}

/** The labels of the definition fields of the header that differ from `before` (empty when none). */
export function definitionChanges (entry: YRecord, specs: readonly FieldSpec[], before: ReadonlyMap<string, FieldValue | undefined>): string[] {
  return [...before].flatMap(([key, value]) => {
    const spec = specs.find(s => s.key === key)!
    return same(value, readField(entry, spec)) ? [] : [spec.label]
  })
}

/**
 * Records today (the day of the edit's clock, `nowIso`) as the day the definition changed, unless the edit
 * sets that date itself; returns the activity-log text, or undefined when nothing was written.
 */
export function recordDefinitionChange (acc: Y.Doc, nowIso: string, why: string, values: Readonly<Record<string, FieldValue>> = {}): string | undefined {
  if ('definitionChanged' in values) return undefined
  const profile = accountRoots(acc).profile
  const day = localDate(new Date(nowIso))
  const change = writeField(profile, SPEC, day, nowIso)
  const notified = readField(profile, NOTIFIED)
  const stale = !('ostNotified' in values) && typeof notified === 'string' && compareDates(notified, day) >= 0
    ? writeField(profile, NOTIFIED, null, nowIso)
    : undefined
  const parts = [change, stale && `${stale}: that notice came before this change`].filter(Boolean)
  return parts.length ? `${parts.join('; ')} (${why}: OST to be notified)` : undefined
}

/** A related company added, removed, renamed or given another relationship type changes the definition. */
export function relatedDefinitionChange (acc: Y.Doc, nowIso: string, before: RelatedCompany | undefined, after: RelatedCompany | undefined): string | undefined {
  if (before && after && before.name === after.name && before.type === after.type) return undefined
  const what = !before ? 'related company added' : !after ? 'related company removed' : 'related company changed'
  return recordDefinitionChange(acc, nowIso, what)
}
