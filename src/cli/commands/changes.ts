/**
 * `pat conflicts [ACCOUNT]`, `pat conflicts resolve ID --keep …`, `pat changes [ACCOUNT]` and
 * `pat history ACCOUNT [FIELD]`: what teammates changed, values a merge replaced unseen, each field's history.
 */
import type { Command } from 'commander'
import { formatActivity } from '../../domain/index.js'
import { clip, printableLine, quote } from '../../domain/printable.js'
import { parseKeep, type AccountChanges, type Conflict, type ConflictSide, type HistoryEntry } from '../../store/index.js'
import { READS_ACCOUNTS, withStore, type CliContext } from '../context.js'
import { activityLines } from '../format.js'
import { printJson, tableWidth } from '../io.js'

const when = (at?: string) => at ? formatActivity({ at, by: '', byName: '', action: '', summary: '' }).trim() : 'when unknown'
const side = (s: ConflictSide) => `${quote(s.text)}  (${printableLine(s.byName ?? 'unknown member')}, ${when(s.at)})`

export function conflictLines (c: Conflict): string[] {
  return [
    `  ${c.id}  ${printableLine(c.label)}`,
    `    kept:     ${side(c.kept)}`,
    `    replaced: ${side(c.replaced)}`,
    ...(c.resolved ? [`    resolved: ${printableLine(c.resolved.byName)} kept ${quote(c.resolved.kept)}, ${when(c.resolved.at)}`] : [])
  ]
}

function conflictsText (groups: Array<{ accountName: string, conflicts: Conflict[] }>): string {
  const shown = groups.filter(g => g.conflicts.length)
  if (!shown.length) return 'No open conflicts.'
  return [
    ...shown.flatMap(g => [`${printableLine(g.accountName)} — ${g.conflicts.length} conflict${g.conflicts.length === 1 ? '' : 's'}`, ...g.conflicts.flatMap(conflictLines)]),
    '',
    'Keep one value: pat conflicts resolve ID --keep mine|theirs|VALUE'
  ].join('\n')
}

function changesText (groups: AccountChanges[], width: number): string {
  const shown = groups.filter(g => g.changes.length)
  if (!shown.length) return 'Nothing new from your teammates.'
  return [
    ...shown.flatMap(g => [
      `${printableLine(g.accountName)} [${g.accountId}] — ${g.changes.length} change${g.changes.length === 1 ? '' : 's'}`,
      ...g.changes.flatMap(c => activityLines({ ...c, action: c.kind }, width, '  '))
    ]),
    '',
    'Mark them seen: pat changes --seen [ACCOUNT] (opening an account does too)'
  ].join('\n')
}

function historyText (entries: HistoryEntry[], width: number): string {
  if (!entries.length) return 'No history for that field.'
  return entries.map(e => {
    const what = e.label !== undefined
      ? `${e.label}: ${e.from !== undefined ? `${clip(e.from)} → ` : ''}${e.to !== undefined ? clip(e.to) : e.from !== undefined ? '(cleared)' : 'edited'}`
      : e.summary
    return activityLines({ ...e, action: '', summary: what }, width)
  }).flat().join('\n')
}

export function registerChanges (program: Command, ctx: CliContext): void {
  const conflicts = program.command('conflicts').argument('[account]', 'account id, id prefix or name (default: every account)')
    .description('values a merge replaced with one written without seeing them (open ones)')
    .option('--all', 'resolved ones too').option('--json', 'print JSON')
    .action(async (ref: string | undefined, opts: { all?: boolean, json?: boolean }) => {
      const groups = await withStore(ctx, s => s.conflicts.list(ref, { all: Boolean(opts.all) }))
      if (opts.json) printJson(ctx.io, groups.flatMap(g => g.conflicts.map(c => ({ ...c, accountName: g.accountName }))))
      else ctx.io.out(conflictsText(groups))
    })
  conflicts.command('resolve').argument('<id>', 'the conflict\'s id (see `pat conflicts`)')
    .description('keep one value (written as a new, logged edit) and close the conflict for everyone')
    .requiredOption('--keep <which>', 'mine, theirs (kept or replaced also work) or a new VALUE')
    .option('--json', 'print the closed conflict as JSON')
    .action(async (id: string, opts: { keep: string, json?: boolean }) => {
      const closed = await withStore(ctx, s => s.conflicts.resolve(id, parseKeep(opts.keep)))
      if (opts.json) printJson(ctx.io, closed)
      else ctx.io.out(`resolved conflict ${closed.id} on ${printableLine(closed.label)}: kept ${quote(closed.resolved?.kept ?? '')}`)
    })

  program.command('changes').argument('[account]', 'account id, id prefix or name (default: every account)')
    .description('what your teammates changed since you last opened each account, newest first')
    .option('--since <date>', 'changes made since DATE (YYYY-MM-DD) instead').option('--seen', 'mark them as seen')
    .option('--json', 'print JSON')
    .action(async (ref: string | undefined, opts: { since?: string, seen?: boolean, json?: boolean }) => {
      if (opts.seen) {
        const n = await withStore(ctx, s => s.changes.markSeen(ref), READS_ACCOUNTS)
        if (opts.json) printJson(ctx.io, { marked: n })
        else ctx.io.out(`marked ${n} account${n === 1 ? '' : 's'} as seen`)
        return
      }
      const groups = await withStore(ctx, s => s.changes.list(ref, opts.since !== undefined ? { since: opts.since } : {}), READS_ACCOUNTS)
      if (opts.json) printJson(ctx.io, groups)
      else ctx.io.out(changesText(groups, tableWidth(ctx.io)))
    })

  program.command('history').argument('<account>', 'account id, id prefix or name').argument('[field]', 'a field (address, stage, plan.scope, checklist.compliance.B…) or its label; an entry (items.ID) for all its fields')
    .description('every value a field (or the whole account) had, who set it and when, oldest first')
    .option('--json', 'print JSON')
    .action(async (ref: string, field: string | undefined, opts: { json?: boolean }) => {
      const entries = await withStore(ctx, s => s.changes.history(ref, field), READS_ACCOUNTS)
      if (opts.json) printJson(ctx.io, entries)
      else ctx.io.out(historyText(entries, tableWidth(ctx.io)))
    })
}
