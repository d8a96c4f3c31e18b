/**
 * Teammates' changes and field histories as text to read in a panel: one line per change or value,
 * "2026-12-05 14:05  Bo Chen  Address: 1 Ana Street → 2 Bo Avenue". The panel's Text makes peers'
 * control characters visible, so nothing here needs to.
 */
import { formatActivity } from '../../domain/index.js'
import type { Change, Conflict, ConflictSide, HistoryEntry } from '../../store/index.js'
import type { Cell } from './cells.js'

const when = (at: string): string => formatActivity({ at, by: '', byName: '', action: '', summary: '' }).trim()

/** The changes an account opened with, newest first (as they came from the store). */
export function changesText (changes: readonly Change[]): string {
  if (!changes.length) return 'No changes by teammates since you last looked at this account.'
  return [`${changes.length} change${changes.length === 1 ? '' : 's'} by teammates since you last looked, newest first:`, '',
    ...changes.map(c => `${when(c.at)}  ${c.byName}  ${c.summary}`)].join('\n')
}

/**
 * Every value a field had, oldest first; a line without a value (long text, older entries) says what was
 * done. The history of an entry's several fields (a contact, a plan item) names the field on each line.
 */
export function historyText (label: string, entries: readonly HistoryEntry[]): string {
  if (!entries.length) return `${label} has no recorded changes yet.`
  const several = new Set(entries.flatMap(e => e.field ?? [])).size > 1
  return entries.map(e => {
    const field = several && e.label ? `${e.label}: ` : ''
    const what = e.from !== undefined || e.to !== undefined ? `${field}${e.from ?? '(empty)'} → ${e.to ?? '(cleared)'}` : e.label ? `${e.label} edited` : e.summary
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

/** A tab's first line while some of its rows are in conflict: what the marks mean and the keys. */
export function conflictHint (count: number): string {
  return `! ${count} in conflict · ! on a marked row: pick a value · H history`
}

/**
 * The selected row's fields in conflict, for its detail line: "! in conflict: Due, Owner (! picks)". `short`
 * drops the entry's name from each label ("plan item \"Audit\": Due" → "Due") where the row already says it.
 */
export function inConflictText (conflicts: readonly Conflict[], short = true): string {
  const labels = [...new Set(conflicts.map(c => short ? c.label.replace(/^[^:]*"[^"]*": /, '') : c.label))]
  return labels.length ? `! in conflict: ${labels.join(', ')} (! picks)` : ''
}

/** A table row whose entry is in conflict: `column`'s cell starts with `!`, in the conflict tone. */
export function markCells (cells: Record<string, Cell>, column: string): Record<string, Cell> {
  return { ...cells, [column]: { text: `! ${cells[column]?.text ?? ''}`, tone: 'conflict' } }
}
