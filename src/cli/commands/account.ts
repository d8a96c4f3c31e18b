/**
 * `pat account add|list|show|set|archive|unarchive`.
 */
import type { Command } from 'commander'
import { ACCOUNT_FIELDS, InputError, parseStage, stageBlockMessage, stageMoveBlock, today } from '../../domain/index.js'
import type { Store } from '../../store/index.js'
import { READS_ACCOUNTS, withStore, type CliContext } from '../context.js'
import { addFieldOptions, collect, fieldInput } from '../field-options.js'
import { printJson, tableWidth } from '../io.js'
import { jsonAnswer, printKept, textAnswer } from '../kept-output.js'
import { accountsAs, listFormat } from '../table-formats.js'
import { accountView, accountsTable } from '../views.js'

const NAMES = { iors: 'ior' }

export function registerAccount (program: Command, ctx: CliContext): void {
  const account = program.command('account').description('add, list, show, change and archive accounts')

  addFieldOptions(account.command('add').description('add an account (IR#s validated and unique in the workspace)'), ACCOUNT_FIELDS, NAMES)
    .option('--json', 'print the new account as JSON')
    .action(async (opts: Record<string, unknown>) => {
      const created = await withStore(ctx, s => s.accounts.add(fieldInput(opts, ACCOUNT_FIELDS, NAMES)))
      if (opts.json) printJson(ctx.io, created)
      else ctx.io.out(`added account ${created.name} [${created.id}]`)
    })

  registerList(account, ctx)

  account.command('show').argument('<account>', 'account id, id prefix or name').description('show everything recorded for an account (and mark its changes as seen)')
    .option('--json', 'print JSON')
    .action(async (ref: string, opts: { json?: boolean }) => {
      const record = await withStore(ctx, s => s.accounts.show(ref, { markSeen: true }), READS_ACCOUNTS)
      if (opts.json) printJson(ctx.io, record)
      else ctx.io.out(accountView(record, today(), tableWidth(ctx.io)))
    })

  addFieldOptions(account.command('set').argument('<account>', 'account id, id prefix or name').description('change account fields'), ACCOUNT_FIELDS, NAMES)
    .option('--add-ior <ior>', 'add an IR# (repeatable)', collect)
    .option('--remove-ior <ior>', 'remove an IR# (repeatable)', collect)
    .option('--json', 'print the changed account as JSON')
    .action(async (ref: string, opts: Record<string, unknown>) => {
      const input = fieldInput(opts, ACCOUNT_FIELDS, NAMES)
      const updated = await withStore(ctx, async s => {
        if (opts.addIor || opts.removeIor) {
          const current = (input.iors as string[] | undefined) ?? s.ws.resolveAccount(ref).iors
          input.iors = [...current, ...((opts.addIor as string[]) ?? [])].filter(i => !((opts.removeIor as string[]) ?? []).includes(i))
        }
        if (Object.keys(input).length === 0) throw new InputError('nothing to change: give at least one field option, e.g. --stage establish (see --help)')
        if (typeof input.stage === 'string') {
          // The stage gate `pat stage` applies (domain/stage-gate.ts): `--force` lives there only.
          const record = await s.accounts.show(ref)
          const to = parseStage(input.stage)
          if (stageMoveBlock(record, to)) throw new InputError(stageBlockMessage(record, to, `move it with \`pat stage ${record.id} set ${to} --force\``), 'stage')
        }
        return s.accounts.set(ref, input)
      })
      if (opts.json) printJson(ctx.io, updated)
      else ctx.io.out(`updated account ${updated.name} [${updated.id}]`)
    })

  for (const [name, archived] of [['archive', true], ['unarchive', false]] as const) {
    account.command(name).argument('<account>', 'account id, id prefix or name')
      .description(archived ? 'archive an account (hidden from lists, nothing deleted)' : 'bring an archived account back')
      .option('--json', 'print JSON')
      .action(async (ref: string, opts: { json?: boolean }) => {
        const header = await withStore(ctx, s => s.accounts.archive(ref, archived))
        if (opts.json) printJson(ctx.io, header)
        else ctx.io.out(`${archived ? 'archived' : 'restored'} account ${header.name} [${header.id}]`)
      })
  }
}

/** `pat account list`: its answer is kept and printed again while the workspace is unchanged (cli/kept-output.ts). */
function registerList (account: Command, ctx: CliContext): void {
  account.command('list').description('list accounts (archived ones only with --archived or --all)')
    .option('--archived', 'only archived accounts').option('--all', 'active and archived accounts').option('--json', 'print JSON')
    .option('-f, --format <format>', 'text (default) or csv (the --json columns, one row per account)').option('-o, --out <file>', 'write the csv to FILE')
    .action(async (opts: { archived?: boolean, all?: boolean, json?: boolean, format?: string, out?: string }) => {
      const format = listFormat(opts.format, ['text', 'csv'])
      const list = (s: Store) => s.accounts.list({ ...(opts.all ? {} : { archived: Boolean(opts.archived) }), unseen: true })
      if (format === 'csv') { await accountsAs(ctx, await withStore(ctx, list, READS_ACCOUNTS), opts.out); return }
      // The list depends on the directory, the summaries and this member's seen marks (its unseen counts);
      // the table on the terminal's width.
      const width = tableWidth(ctx.io)
      const variant = JSON.stringify([opts.all ? 'all' : opts.archived ? 'archived' : 'active', opts.json ? 'json' : width])
      await printKept(ctx, { name: 'account-list', variant, parts: ['workspace', 'summaries', 'seen'] }, READS_ACCOUNTS, async s => {
        const rows = await list(s)
        return opts.json ? jsonAnswer(rows) : textAnswer(accountsTable(rows, width))
      })
    })
}
