/**
 * The due-date dashboard as table cells: the date, how far off it is ("in 12d", "today", "overdue 5d",
 * overdue ones in the warning tone), the account, and what falls due. Also which tab of the account an
 * entry belongs on, and the "within" periods the screen cycles through.
 */
import type { DueEntry } from '../../domain/index.js'
import type { AccountTab } from '../hooks/use-account.js'
import { overdueMark } from './accounts.js'
import type { Cell, ColumnSpec } from './cells.js'

/**
 * The Due table's columns at a width: at 80 columns the account name gives room to what is due; from
 * 100 columns on it shows whole (up to 48 characters).
 */
export function dueColumns (width: number): readonly ColumnSpec[] {
  return width >= 100 ? WIDE_DUE_COLUMNS : DUE_COLUMNS
}

export const DUE_COLUMNS: readonly ColumnSpec[] = [
  { key: 'date', title: 'DATE', max: 11 },
  { key: 'when', title: 'WHEN', max: 12 },
  { key: 'account', title: 'ACCOUNT', flex: true, min: 12, max: 30 },
  { key: 'what', title: 'WHAT IS DUE', flex: true, min: 16 }
]

const WIDE_DUE_COLUMNS: readonly ColumnSpec[] = DUE_COLUMNS.map(c => (c.key === 'account' ? { ...c, max: 48, min: 30 } : c))

export function dueWhen (e: Pick<DueEntry, 'overdue' | 'daysLeft'>): string {
  if (e.overdue) return `overdue ${-e.daysLeft}d`
  return e.daysLeft === 0 ? 'today' : `in ${e.daysLeft}d`
}

export function dueCells (e: DueEntry): Record<string, Cell> {
  const tone = e.overdue ? { tone: 'warning' as const } : e.daysLeft === 0 ? { tone: 'accent' as const } : {}
  return {
    date: { text: e.overdue ? overdueMark(e.date) : e.date, ...tone },
    when: { text: dueWhen(e), ...tone },
    account: { text: e.accountName ?? '(whole workspace)', ...(e.accountId ? {} : { tone: 'secondary' as const }) },
    what: { text: e.title + (e.note ? ` — ${e.note}` : '') }
  }
}

/** The tab that shows what an entry is about: plan items on the Action Plan, CIPs on the CIP tab. */
export function dueTab (e: Pick<DueEntry, 'rule'>): AccountTab {
  if (e.rule.startsWith('plan')) return 'plan'
  if (e.rule.startsWith('cip')) return 'cip'
  return 'profile'
}

/** The periods `w` cycles through: everything, then what falls due within 30 and 90 days. */
export const DUE_WINDOWS: ReadonlyArray<number | undefined> = [undefined, 30, 90]

/** The entries of a period: overdue ones always, the rest when they fall due within `days` (all when undefined). */
export function withinWindow (entries: readonly DueEntry[], days: number | undefined): DueEntry[] {
  return days === undefined ? [...entries] : entries.filter(e => e.overdue || e.daysLeft <= days)
}

export function windowLabel (days: number | undefined): string {
  return days === undefined ? 'all dates' : `within ${days} days`
}

/** "7 entries, 2 overdue" */
export function dueSummary (entries: readonly DueEntry[]): string {
  const overdue = entries.filter(e => e.overdue).length
  return `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}${overdue ? `, ${overdue} overdue` : ''}`
}

/**
 * What Enter on a whole-workspace entry opens: the accounts it concerns. The quarterly OST deadline
 * concerns the accounts whose definition changed since OST was last told (their "notify OST" entries).
 */
export function workspaceEntries (entry: Pick<DueEntry, 'rule'>, all: readonly DueEntry[]): DueEntry[] {
  return entry.rule === 'ost-deadline' ? all.filter(e => e.rule === 'ost-definition') : []
}
