/**
 * `pat plan add|list|set|done|rm|info|approve`: the Account Action Plan and its project list.
 */
import type { Command } from 'commander'
import { APPROVAL_FIELDS, InputError, PLAN_FIELDS, PLAN_ITEM_FIELDS, formatField, isOpen, today, type FieldValue } from '../../domain/index.js'
import type { Store } from '../../store/index.js'
import { READS_ACCOUNTS, withStore, type CliContext } from '../context.js'
import { addFieldOptions, fieldInput } from '../field-options.js'
import { formatFields } from '../format.js'
import { printJson, tableWidth } from '../io.js'
import { planItemsTable } from '../views.js'

const accountId = (s: Store, ref: string) => s.ws.resolveAccount(ref).id
const ITEM = ['<account>', 'account id or name'] as const
const REF = ['<item>', 'item id, number in `pat plan list`, or title'] as const

export function registerPlan (program: Command, ctx: CliContext): void {
  const plan = program.command('plan').description('the Account Action Plan: project items, plan details, approvals')
  const out = (opts: { json?: boolean }, value: unknown, text: string) => (opts.json ? printJson(ctx.io, value) : ctx.io.out(text))

  addFieldOptions(plan.command('add').argument(...ITEM).description('add a project item (High/Medium/Low, owner, due date)'), PLAN_ITEM_FIELDS)
    .option('--json', 'print JSON')
    .action(async (ref: string, opts: Record<string, unknown>) => {
      const item = await withStore(ctx, s => s.plan.items.add(accountId(s, ref), fieldInput(opts, PLAN_ITEM_FIELDS)))
      out(opts, item, `added plan item ${item.id}: ${String(item.title)}`)
    })

  plan.command('list').argument(...ITEM).description('the project list, High → Medium → Low')
    .option('--open', 'only open items').option('--json', 'print JSON')
    .action(async (ref: string, opts: { open?: boolean, json?: boolean }) => {
      const items = (await withStore(ctx, s => s.plan.items.list(accountId(s, ref)), READS_ACCOUNTS))
        .filter(i => !opts.open || isOpen(i))
      out(opts, items, planItemsTable(items, today(), tableWidth(ctx.io)))
    })

  addFieldOptions(plan.command('set').argument(...ITEM).argument(...REF).description('change a project item'), PLAN_ITEM_FIELDS)
    .option('--json', 'print JSON')
    .action(async (ref: string, item: string, opts: Record<string, unknown>) => {
      const input = fieldInput(opts, PLAN_ITEM_FIELDS)
      if (Object.keys(input).length === 0) throw new InputError('nothing to change: give at least one field option, e.g. --due 2027-01-31 (see --help)')
      const updated = await withStore(ctx, s => s.plan.items.set(accountId(s, ref), item, input))
      out(opts, updated, `updated plan item ${updated.id}`)
    })

  plan.command('done').argument(...ITEM).argument(...REF).description('mark a project item done').option('--json', 'print JSON')
    .action(async (ref: string, item: string, opts: { json?: boolean }) => {
      const done = await withStore(ctx, s => s.plan.items.done(accountId(s, ref), item))
      out(opts, done, `done: ${String(done.title)}`)
    })

  plan.command('rm').alias('remove').argument(...ITEM).argument(...REF).description('remove a project item').option('--json', 'print JSON')
    .action(async (ref: string, item: string, opts: { json?: boolean }) => {
      const removed = await withStore(ctx, s => s.plan.items.remove(accountId(s, ref), item))
      out(opts, removed, `removed plan item ${removed.id}`)
    })

  addFieldOptions(plan.command('info').argument(...ITEM).description('show or change the plan\'s period, dates, background and scope'), PLAN_FIELDS)
    .option('--json', 'print JSON')
    .action(async (ref: string, opts: Record<string, unknown>) => {
      const input = fieldInput(opts, PLAN_FIELDS)
      const info = await withStore(ctx, s => Object.keys(input).length ? s.plan.set(accountId(s, ref), input) : s.plan.show(accountId(s, ref)))
      out(opts, info, formatFields(PLAN_FIELDS.map(f => [f.label, formatField(f, info[f.key] as FieldValue)])) || 'No plan details recorded yet.')
    })

  addFieldOptions(plan.command('approve').argument(...ITEM).description('record an approval of the plan (account, team, TCPO)'), APPROVAL_FIELDS)
    .option('--json', 'print JSON')
    .action(async (ref: string, opts: Record<string, unknown>) => {
      const a = await withStore(ctx, s => s.plan.approvals.add(accountId(s, ref), fieldInput(opts, APPROVAL_FIELDS)))
      out(opts, a, `recorded approval by ${String(a.name)} (${String(a.role)})`)
    })
}
