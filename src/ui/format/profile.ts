/**
 * The Profile tab as rows: every account field (directory and profile) with its label and display text,
 * editable in place; then read-only summaries of locations, related companies and ports.
 */
import { ACCOUNT_HEADER_FIELDS, ACCOUNT_PROFILE_FIELDS, LOCATION_TYPE_LABELS, RELATIONSHIP_LABELS, locationText, type AccountRecord, type FieldSpec } from '../../domain/index.js'
import { displayText, editText } from './fields.js'

export interface ProfileRow {
  key: string
  label: string
  text: string
  /** Set for editable fields. */
  spec?: FieldSpec
  edit?: string
}

/** The stored value of an account field, wherever it lives (directory or profile). */
export function accountFieldValue (account: AccountRecord, key: string): unknown {
  const header: Readonly<Record<string, unknown>> = account
  const profile: Readonly<Record<string, unknown>> = account.profile
  return ACCOUNT_HEADER_FIELDS.some(s => s.key === key) ? header[key] : profile[key]
}

export function profileRows (account: AccountRecord): ProfileRow[] {
  const fields = [...ACCOUNT_HEADER_FIELDS, ...ACCOUNT_PROFILE_FIELDS].map(spec => {
    const value = accountFieldValue(account, spec.key)
    return { key: spec.key, label: spec.label, text: displayText(spec, value).replace(/\n+/g, ' ↵ '), spec, edit: editText(spec, value) }
  })
  const list = (items: string[]) => items.length ? items.join('; ') : '—'
  return [
    ...fields,
    { key: 'locations', label: 'Locations', text: list(account.locations.map(l => `${l.name ?? LOCATION_TYPE_LABELS[l.type]} (${locationText({ ...l, name: undefined }) || l.type})`)) + ' · Enter: the list' },
    { key: 'related', label: 'Related companies', text: list(account.related.map(r => `${String(r.name)} (${(RELATIONSHIP_LABELS[String(r.type)] ?? '').split(' —')[0]})`)) },
    { key: 'ports', label: 'Ports', text: list(account.ports.map(p => `${String(p.name)}${typeof p.share === 'number' ? ` ${p.share}%` : ''}`)) }
  ]
}

/**
 * The label column's width: the longest label and its marker whole when the terminal has room (at 120
 * columns every label shows whole), at most 45% of the width, never under 20.
 */
export function profileLabelWidth (labels: readonly string[], width: number): number {
  const longest = Math.max(0, ...labels.map(l => [...l].length)) + 3
  return Math.max(20, Math.min(longest, Math.floor(width * 0.45)))
}
