/**
 * `pat log ACCOUNT`: the account's activity log — who changed what, when.
 */
import type { Command } from 'commander'
import { READS_ACCOUNTS, withStore, type CliContext } from '../context.js'
import { parseLimit } from '../limit.js'
import { activityLines } from '../format.js'
import { printJson, tableWidth } from '../io.js'

export function registerLog (program: Command, ctx: CliContext): void {
  program.command('log').argument('<account>', 'account id or name').description('the account\'s activity log, oldest first')
    .option('-n, --limit <n>', 'only the last N entries').option('--json', 'print JSON')
    .action(async (ref: string, opts: { limit?: string, json?: boolean }) => {
      const entries = await withStore(ctx, async s => s.ws.log(s.ws.resolveAccount(ref).id), READS_ACCOUNTS)
      const n = opts.limit === undefined ? entries.length : parseLimit(opts.limit)
      const shown = entries.slice(entries.length - n)
      if (opts.json) printJson(ctx.io, shown)
      else ctx.io.out(shown.length ? shown.flatMap(e => activityLines(e, tableWidth(ctx.io))).join('\n') : 'No activity yet.')
    })
}
