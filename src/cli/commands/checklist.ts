/**
 * `pat checklist show|set|request`: the Action Plan checklist. Items are named compliance.A–K,
 * business.A–H and requested.N; No/NA needs --reason.
 */
import type { Command } from 'commander'
import { READS_ACCOUNTS, withStore, type CliContext } from '../context.js'
import { printJson, tableWidth } from '../io.js'
import { checklistTable } from '../views.js'

export function registerChecklist (program: Command, ctx: CliContext): void {
  const checklist = program.command('checklist').description('the Action Plan checklist: Compliance A–K, Business A–H, requested items')

  checklist.command('show').argument('<account>', 'account id or name').description('show every checklist item and its answer')
    .option('--json', 'print JSON')
    .action(async (ref: string, opts: { json?: boolean }) => {
      const rows = await withStore(ctx, s => s.checklist.show(s.ws.resolveAccount(ref).id), READS_ACCOUNTS)
      if (opts.json) printJson(ctx.io, rows)
      else ctx.io.out(checklistTable(rows, tableWidth(ctx.io)))
    })

  checklist.command('set').argument('<account>', 'account id or name').argument('<item>', 'compliance.A–K, business.A–H or requested.N')
    .argument('<answer>', 'yes, no, na (No/NA needs --reason), or clear')
    .option('--reason <text>', 'why the item does not apply (required for no/na)')
    .option('--json', 'print JSON')
    .description('answer a checklist item')
    .action(async (ref: string, item: string, answer: string, opts: { reason?: string, json?: boolean }) => {
      const row = await withStore(ctx, s => s.checklist.set(s.ws.resolveAccount(ref).id, item, answer, opts.reason))
      if (opts.json) printJson(ctx.io, row)
      else ctx.io.out(`${row.name} ${row.label}: ${row.answer === null ? 'cleared' : row.answer === 'yes' ? 'Yes' : `No/NA — ${row.reason}`}`)
    })

  checklist.command('request').argument('<account>', 'account id or name').argument('<title>', 'what the account asked to have covered')
    .option('--json', 'print JSON')
    .description('add an item the account requested')
    .action(async (ref: string, title: string, opts: { json?: boolean }) => {
      const row = await withStore(ctx, s => s.checklist.addRequested(s.ws.resolveAccount(ref).id, title))
      if (opts.json) printJson(ctx.io, row)
      else ctx.io.out(`added ${row.name}: ${row.label}`)
    })
}
