/**
 * Teammates' changes and field histories as text to read in a panel: one line per change or value,
 * "2026-12-05 14:05  Bo Chen  Address: 1 Ana Street → 2 Bo Avenue". The panel's Text makes peers'
 * control characters visible, so nothing here needs to.
 */
import { formatActivity } from '../../domain/index.js'
import type { Change, Conflict, ConflictSide, HistoryEntry } from '../../store/index.js'

const when = (at: string): string => formatActivity({ at, by: '', byName: '', action: '', summary: '' }).trim()

/** The changes an account opened with, newest first (as they came from the store). */
export function changesText (changes: readonly Change[]): string {
  if (!changes.length) return 'No changes by teammates since you last looked at this account.'
  return [`${changes.length} change${changes.length === 1 ? '' : 's'} by teammates since you last looked, newest first:`, '',
    ...changes.map(c => `${when(c.at)}  ${c.byName}  ${c.summary}`)].join('\n')
}

/** Every value a field had, oldest first; a line without a value (long text, older entries) says what was done. */
export function historyText (label: string, entries: readonly HistoryEntry[]): string {
  if (!entries.length) return `${label} has no recorded changes yet.`
  return entries.map(e => {
    const what = e.from !== undefined || e.to !== undefined ? `${e.from ?? '(empty)'} → ${e.to ?? '(cleared)'}` : e.label ? `${e.label} edited` : e.summary
    return `${when(e.at)}  ${e.byName}  ${what}`
  }).join('\n')
}

const side = (s: ConflictSide): string => `"${s.text}"${s.byName ? ` — ${s.byName}` : ''}${s.at ? `, ${when(s.at)}` : ''}`

/** Both values of a field in conflict, and what picking one does. */
export function conflictChoiceText (c: Conflict): string {
  return [
    `${c.label}: two members set it without seeing each other's value; the merge kept one.`,
    '',
    `1  kept:      ${side(c.kept)}`,
    `2  replaced:  ${side(c.replaced)}`,
    '',
    'Your pick is written as a new edit (in the activity log) and closes the conflict for everyone.'
  ].join('\n')
}
