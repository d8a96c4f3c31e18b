/**
 * The OST notice of an account-definition change (SOP, Establish, step 3: "contact OST AUTOMATION SUPPORT
 * via cc:Mail to inform them of the additional numbers. If there are changes to your account's definition,
 * notify OST by the following dates: March 15th, June 15th, September 15th and December 15th").
 *
 * One question, asked by the `establish.ost` task and the `ost-definition` due rule alike: is a change of the
 * definition still waiting for its notice? The store records the change by itself (`definitionChanged`, the
 * day) when the account's definition changes — an IR# added or removed, its kind, a related company of
 * Types One–Four added, removed or changed — and `ostNotified` on or after that day clears it.
 */
import { compareDates, type IsoDate } from './dates.js'
import type { AccountProfile } from './account.js'

/** The account fields (directory and profile keys) whose change is a change of the account definition. */
export const DEFINITION_FIELDS = ['iors', 'kind'] as const

export interface OstNotice {
  /** The day the definition last changed, if recorded. */
  changed?: IsoDate
  /** The day OST was last notified, if recorded. */
  notified?: IsoDate
  /** A change OST has not heard of: changed, and not notified on or after that day. */
  pending: boolean
}

const isDate = (v: unknown): v is IsoDate => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)

export function ostNotice (profile: Pick<AccountProfile, 'definitionChanged' | 'ostNotified'>): OstNotice {
  const changed = isDate(profile.definitionChanged) ? profile.definitionChanged : undefined
  const notified = isDate(profile.ostNotified) ? profile.ostNotified : undefined
  const pending = changed !== undefined && !(notified !== undefined && compareDates(notified, changed) >= 0)
  return { ...(changed ? { changed } : {}), ...(notified ? { notified } : {}), pending }
}
