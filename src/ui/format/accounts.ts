/**
 * The accounts table as data: filtering as the user types, sorting by a column, and each account turned
 * into its cells (first IR# plus how many more, stage label, open items, next due date — overdue ones in
 * the warning tone).
 */
import { STAGES, STAGE_LABELS, compareDates } from '../../domain/index.js'
import type { AccountListRow } from '../../store/index.js'
import type { Cell, ColumnSpec } from './cells.js'

/**
 * A row as the store lists it (one type for the CLI and the app): `unseen`, teammates' changes this member has
 * not seen, and `conflicts`, open conflicts, are marked after the name; `pending` rows (the app's first screen
 * at 10,000 accounts) show "…" until their summaries are read.
 */
export type AccountRow = AccountListRow

/** " •3 !": the unseen count and a conflict mark, as words (they must read without colour). */
export function newMarks (r: AccountRow): string {
  return `${r.unseen ? ` •${r.unseen}` : ''}${r.conflicts ? ' !' : ''}`
}

/** On a narrow terminal the lead port goes first, then the IR#, then the open count: name and next due stay. */
export const ACCOUNT_COLUMNS: readonly ColumnSpec[] = [
  { key: 'name', title: 'NAME', flex: true, min: 24 },
  { key: 'ior', title: 'IR#', max: 14, flex: true, min: 10, drop: 2 },
  { key: 'leadPort', title: 'LEAD PORT', max: 14, flex: true, min: 9, drop: 1 },
  { key: 'stage', title: 'STAGE', max: 9, drop: 4 },
  { key: 'openItems', title: 'OPEN', align: 'right', drop: 3 },
  { key: 'nextDue', title: 'NEXT DUE', max: 11 }
]

export const SORT_KEYS = ['name', 'ior', 'leadPort', 'stage', 'openItems', 'nextDue'] as const
export type SortKey = typeof SORT_KEYS[number]
export const SORT_LABELS: Record<SortKey, string> = {
  name: 'name', ior: 'IR#', leadPort: 'lead port', stage: 'SOP stage', openItems: 'open items', nextDue: 'next due date'
}

/** Every word of the filter must appear in the name, an IR#, the lead port, the stage or the id. */
export function filterAccounts<T extends AccountRow> (rows: readonly T[], filter: string): T[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length) return [...rows]
  return rows.filter(r => {
    const hay = searchText(r)
    return words.every(w => hay.includes(w))
  })
}

// A row's text to search, made once per row: rows are a loaded list's objects, never changed (a change
// loads new ones), and a filter is searched through every account at each key typed.
const searchTexts = new WeakMap<AccountRow, string>()

function searchText (r: AccountRow): string {
  let hay = searchTexts.get(r)
  if (hay === undefined) {
    hay = [r.name, ...r.iors, r.leadPort, STAGE_LABELS[r.stage], r.id].join(' ').toLowerCase()
    searchTexts.set(r, hay)
  }
  return hay
}

/** Sorted by one column, ties by name then id; undated and empty values last whatever the direction. */
export function sortAccounts<T extends AccountRow> (rows: readonly T[], key: SortKey, reverse = false): T[] {
  const dir = reverse ? -1 : 1
  const byName = (a: T, b: T) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)
  const cmp = (a: T, b: T): number => {
    switch (key) {
      case 'name': return dir * byName(a, b)
      case 'ior': return emptyLast(a.iors[0], b.iors[0], dir) || byName(a, b)
      case 'leadPort': return emptyLast(a.leadPort, b.leadPort, dir) || byName(a, b)
      case 'stage': return dir * (STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage)) || byName(a, b)
      case 'openItems': return dir * (a.openItems - b.openItems) || byName(a, b)
      case 'nextDue': return emptyLast(a.nextDue, b.nextDue, dir) || byName(a, b)
    }
  }
  return [...rows].sort(cmp)
}

function emptyLast (a: string | undefined, b: string | undefined, dir: number): number {
  if (!a && !b) return 0
  if (!a) return 1
  if (!b) return -1
  return dir * a.localeCompare(b)
}

/** An overdue date as shown: marked "!" so it stands out without colour. */
export function overdueMark (date: string): string {
  return `!${date}`
}

const PENDING: Cell = { text: '…', tone: 'secondary' }

// Made for every account of a loaded list (10,000 at a time): a tone is set only when there is one, without
// spread syntax, which cost several times as much here.
function nameCell (r: AccountRow): Cell {
  const cell: Cell = { text: r.name + (r.archived ? ' (archived)' : '') + newMarks(r) }
  if (r.archived) cell.tone = 'secondary'
  else if (r.unseen || r.conflicts) cell.tone = 'warning'
  return cell
}

export function accountCells (r: AccountRow, today: string): Record<string, Cell> {
  const overdue = r.nextDue !== undefined && compareDates(r.nextDue, today) < 0
  return {
    name: nameCell(r),
    ior: { text: r.iors.length ? r.iors[0]! + (r.iors.length > 1 ? ` +${r.iors.length - 1}` : '') : '' },
    leadPort: { text: r.leadPort },
    stage: { text: STAGE_LABELS[r.stage] },
    openItems: r.pending ? PENDING : { text: String(r.openItems) },
    // The "!" shows overdue where there is no colour (NO_COLOR: the warning tone is only bold).
    nextDue: r.pending ? PENDING : overdue ? { text: overdueMark(r.nextDue!), tone: 'warning' } : { text: r.nextDue ?? '' }
  }
}

/**
 * The rows the table can show, in order: archived ones only when asked, sorted. The filter is applied to
 * this list (it keeps the order), so typing a filter never sorts thousands of accounts again.
 *
 * `rows` are the store's list, which comes in name order (then id, as `sortAccounts` orders names: the
 * directory's order, store/directory.ts): the default sort keeps that order, or reverses it, instead of
 * sorting again — which would also build ICU's collation data (~8 ms) in the app's first frame.
 */
export function orderedAccounts<T extends AccountRow> (rows: readonly T[], opts: { sort: SortKey, reverse: boolean, archived: boolean }): T[] {
  const shown = rows.filter(r => opts.archived || !r.archived)
  if (opts.sort === 'name') return opts.reverse ? shown.reverse() : shown
  return sortAccounts(shown, opts.sort, opts.reverse)
}
