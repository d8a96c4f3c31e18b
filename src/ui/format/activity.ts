/**
 * The activity log as lines, newest first: "2026-11-22 14:05  Dana Ruiz  set Compliance A (Classification) to Yes",
 * and one entry whole (Enter on a row): when, who, the kind of change and the full summary.
 */
import { formatActivity, type ActivityEntry } from '../../domain/index.js'

export function activityLines (entries: readonly ActivityEntry[], timeZone?: string): string[] {
  return newestFirst(entries).map(e => formatActivity(e, timeZone))
}

export function newestFirst<T> (entries: readonly T[]): T[] {
  return [...entries].reverse()
}

/** One entry as text to read whole: the one-line row cuts a long summary at the terminal's edge. */
export function activityDetail (e: ActivityEntry, timeZone?: string): string {
  const when = formatActivity({ ...e, byName: '', summary: '' }, timeZone).trim()
  return [`When:  ${when} (${e.at})`, `Who:   ${e.byName}`, `Kind:  ${e.action}`, '', e.summary].join('\n')
}
