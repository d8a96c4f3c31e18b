/**
 * The activity log as lines, newest first: "2026-11-22 14:05  Dana Ruiz  set Compliance A (Classification) to Yes".
 */
import { formatActivity, type ActivityEntry } from '../../domain/index.js'

export function activityLines (entries: readonly ActivityEntry[], timeZone?: string): string[] {
  return [...entries].reverse().map(e => formatActivity(e, timeZone))
}
