/**
 * `pat checklist show|set|request`: the Action Plan checklist. Items are named compliance.A–K,
 * business.A–H and requested.N; No/NA needs --reason.
 */
import type { Command } from 'commander'
import { parseOtherText } from '../../domain/index.js'
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
    .option('--other <text>', 'for compliance.K / business.H ("Other *"): what the other item is')
    .option('--json', 'print JSON')
    .description('answer a checklist item')
    .action(async (ref: string, item: string, answer: string, opts: { reason?: string, other?: string, json?: boolean }) => {
      const row = await withStore(ctx, async s => {
        const id = s.ws.resolveAccount(ref).id
        if (opts.other !== undefined) parseOtherText(item, opts.other) // refused before anything is saved
        const row = await s.checklist.set(id, item, answer, opts.reason)
        return opts.other === undefined ? row : s.checklist.describeOther(id, item, opts.other)
      })
      if (opts.json) printJson(ctx.io, row)
      else ctx.io.out(`${row.name} ${row.label}: ${row.answer === null ? 'cleared' : row.answer === 'yes' ? 'Yes' : `No/NA — ${row.reason}`}`)
    })

  checklist.command('other').argument('<account>', 'account id or name').argument('<item>', 'compliance.K or business.H')
    .argument('<text>', 'what the other item is ("" clears it)')
    .option('--json', 'print JSON')
    .description('say what an "Other *" item is (the SOP: additional items can be added by the team or the account)')
    .action(async (ref: string, item: string, text: string, opts: { json?: boolean }) => {
      const row = await withStore(ctx, s => s.checklist.describeOther(s.ws.resolveAccount(ref).id, item, text))
      if (opts.json) printJson(ctx.io, row)
      else ctx.io.out(row.other ? `${row.name} ${row.label}: ${row.other}` : `${row.name} ${row.label}: not described`)
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
