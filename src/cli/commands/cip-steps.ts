/**
 * `pat cip step add|list|set|rm ACCOUNT CIP [STEP]`: a CIP's corrective action steps, each with its
 * supporting documentation, target date and responsible department (CIP framework: "A target date should
 * be established for each action step"; "reference the department assigned to address each action step").
 */
import type { Command } from 'commander'
import { CIP_STEP_FIELDS, InputError, type CipStep } from '../../domain/index.js'
import type { Store } from '../../store/index.js'
import { READS_ACCOUNTS, withStore, type CliContext } from '../context.js'
import { addFieldOptions, fieldInput } from '../field-options.js'
import { printJson, tableWidth } from '../io.js'
import { entitiesTable } from '../views.js'

const accountId = (s: Store, ref: string) => s.ws.resolveAccount(ref).id
const ACCOUNT = ['<account>', 'account id or name'] as const
const CIP = ['<cip>', 'CIP id, number in `pat cip list`, or deficiency'] as const
const STEP = ['<step>', 'step number in the CIP, id, or its text'] as const

export function registerCipSteps (cip: Command, ctx: CliContext): void {
  const step = cip.command('step').description('a CIP\'s corrective action steps: target date and responsible department per step')
  const show = (opts: { json?: boolean }, value: unknown, text: string) => (opts.json ? printJson(ctx.io, value) : ctx.io.out(text))
  const said = (s: CipStep) => `${s.action}${s.target ? ` (target ${s.target})` : ''}`

  addFieldOptions(step.command('add').argument(...ACCOUNT).argument(...CIP).description('add an action step'), CIP_STEP_FIELDS)
    .option('--json', 'print JSON')
    .action(async (ref: string, c: string, opts: Record<string, unknown>) => {
      const s = await withStore(ctx, st => st.cips.steps.add(accountId(st, ref), c, fieldInput(opts, CIP_STEP_FIELDS)))
      show(opts, s, `added action step ${s.id}: ${said(s)}`)
    })

  step.command('list').argument(...ACCOUNT).argument(...CIP).description('the CIP\'s action steps, in order').option('--json', 'print JSON')
    .action(async (ref: string, c: string, opts: { json?: boolean }) => {
      const steps = await withStore(ctx, st => st.cips.steps.list(accountId(st, ref), c), READS_ACCOUNTS)
      show(opts, steps, entitiesTable(steps, CIP_STEP_FIELDS, tableWidth(ctx.io), 'No action steps: `pat cip step add ACCOUNT CIP --action "…" --target DATE --department NAME`.'))
    })

  addFieldOptions(step.command('set').argument(...ACCOUNT).argument(...CIP).argument(...STEP).description('change an action step'), CIP_STEP_FIELDS)
    .option('--json', 'print JSON')
    .action(async (ref: string, c: string, which: string, opts: Record<string, unknown>) => {
      const input = fieldInput(opts, CIP_STEP_FIELDS)
      if (Object.keys(input).length === 0) throw new InputError('nothing to change: give at least one field option, e.g. --target 2027-01-31 (see --help)')
      const s = await withStore(ctx, st => st.cips.steps.set(accountId(st, ref), c, which, input))
      show(opts, s, `updated action step ${s.id}: ${said(s)}`)
    })

  step.command('rm').alias('remove').argument(...ACCOUNT).argument(...CIP).argument(...STEP)
    .description('remove an action step (the activity log keeps its content)').option('--json', 'print JSON')
    .action(async (ref: string, c: string, which: string, opts: { json?: boolean }) => {
      const s = await withStore(ctx, st => st.cips.steps.remove(accountId(st, ref), c, which))
      show(opts, s, `removed action step ${s.id}: ${said(s)}`)
    })
}
