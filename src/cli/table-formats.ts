/**
 * `--format csv` for the commands that print lists (`pat account list`, `pat due`) and `--format ics` for
 * `pat due`: the same rows and columns `--json` prints, so a team can hand a spreadsheet or a calendar to
 * someone. csv-stringify and the calendar code are loaded only when asked for.
 */
import { resolve } from 'node:path'
import { InputError, type DueEntry } from '../domain/index.js'
import type { AccountListRow } from '../store/index.js'
import type { CliContext } from './context.js'

export const ACCOUNT_LIST_COLUMNS = ['id', 'name', 'iors', 'kind', 'leadPort', 'stage', 'archived', 'createdAt', 'createdBy', 'openItems', 'nextDue'] as const
export const DUE_COLUMNS = ['date', 'accountId', 'accountName', 'rule', 'ruleText', 'kind', 'title', 'overdue', 'daysLeft', 'since', 'ref', 'note'] as const

/** A cell a spreadsheet would run as a formula is kept as text with a leading apostrophe (import drops it). */
const cellText = (v: unknown): string => {
  const s = v === undefined || v === null ? '' : Array.isArray(v) ? v.join('; ') : String(v)
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}

export async function toCsv (rows: ReadonlyArray<object>, columns: readonly string[]): Promise<string> {
  const { stringify } = await import('csv-stringify/sync')
  return stringify([columns as string[], ...rows.map(r => columns.map(c => cellText((r as Record<string, unknown>)[c])))], { record_delimiter: 'windows' })
}

/** Which --format a list command was given: text (the table), csv, or (for due) ics. */
export function listFormat (format: string | undefined, allowed: readonly string[]): string {
  const f = (format ?? 'text').toLowerCase()
  if (!allowed.includes(f)) throw new InputError(`invalid format "${format}": use ${allowed.join(', ')}`, 'format')
  return f
}

/** Prints `text`, or writes it to `out` (relative to the caller's folder) and says so. */
export async function emit (ctx: CliContext, text: string, out: string | undefined, what: string): Promise<void> {
  if (!out) { ctx.io.out(text.replace(/\r?\n$/, '')); return }
  const { writeFileAtomic } = await import('../docs/atomic-file.js')
  const path = resolve(ctx.io.cwd, out)
  await writeFileAtomic(path, text)
  ctx.io.err(`wrote ${what} to ${path}`)
}

export async function accountsAs (ctx: CliContext, rows: readonly AccountListRow[], out?: string): Promise<void> {
  await emit(ctx, await toCsv(rows, ACCOUNT_LIST_COLUMNS), out, `${rows.length} account${rows.length === 1 ? '' : 's'}`)
}

export async function dueAs (ctx: CliContext, entries: readonly DueEntry[], format: string, out?: string): Promise<void> {
  const n = `${entries.length} due entr${entries.length === 1 ? 'y' : 'ies'}`
  if (format === 'csv') return emit(ctx, await toCsv(entries, DUE_COLUMNS), out, n)
  const { dueCalendar } = await import('../docs/ics.js')
  await emit(ctx, await dueCalendar(entries, { name: 'PAT Desk: what falls due' }), out, `${n} as calendar events`)
}
