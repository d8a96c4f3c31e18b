/**
 * `pat log ACCOUNT`: the account's activity log — who changed what, when.
 */
import type { Command } from 'commander'
import { InputError, formatActivity } from '../../domain/index.js'
import { READS_ACCOUNTS, withStore, type CliContext } from '../context.js'
import { printJson } from '../io.js'

export function registerLog (program: Command, ctx: CliContext): void {
  program.command('log').argument('<account>', 'account id or name').description('the account\'s activity log, oldest first')
    .option('-n, --limit <n>', 'only the last N entries').option('--json', 'print JSON')
    .action(async (ref: string, opts: { limit?: string, json?: boolean }) => {
      const entries = await withStore(ctx, async s => s.ws.log(s.ws.resolveAccount(ref).id), READS_ACCOUNTS)
      const n = opts.limit === undefined ? entries.length : Number(opts.limit)
      if (!Number.isInteger(n) || n < 0) throw new InputError(`invalid --limit "${opts.limit}": use a whole number`)
      const shown = entries.slice(entries.length - n)
      if (opts.json) printJson(ctx.io, shown)
      else ctx.io.out(shown.length ? shown.map(e => formatActivity(e)).join('\n') : 'No activity yet.')
    })
}
