/**
 * `pat me` (who this member is) and `pat me set --name NAME`: a member's display name is theirs to change.
 * The rename is their own roster entry, signed with their own key (store/roster.ts renameSelf), so every
 * peer takes it, and the activity log names them by it from the next change on.
 */
import type { Command } from 'commander'
import type { Store } from '../../store/index.js'
import { loadSigner } from '../../sync/identity.js'
import { withStore, type CliContext } from '../context.js'
import { printJson } from '../io.js'

const whoAmI = (s: Store) => ({ id: s.ws.member.id, name: s.ws.member.name, role: s.roster.role(s.ws.member.id), team: { id: s.ws.config.team.id, name: s.roster.teamName() }, home: s.ws.paths.root })

export function registerMe (program: Command, ctx: CliContext): void {
  const me = program.command('me').description('who you are in this workspace; `pat me set --name NAME` renames you')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const info = await withStore(ctx, async s => whoAmI(s))
      if (opts.json) printJson(ctx.io, info)
      else ctx.io.out(`${info.name}, ${info.role ?? 'not in the roster'} of "${info.team.name}" (member id ${info.id}; workspace ${info.home})`)
    })

  me.command('set').description('change your name as teammates see it (it reaches them when they sync)')
    .requiredOption('--name <name>', 'your new name')
    .option('--json', 'print JSON')
    .action(async (opts: { name: string, json?: boolean }) => {
      const info = await withStore(ctx, async s => ({ changed: Boolean(await s.roster.renameSelf(opts.name, await loadSigner(s.ws.paths.identityKey))), ...whoAmI(s) }))
      if (opts.json) printJson(ctx.io, info)
      else ctx.io.out(info.changed ? `you are now ${info.name}; teammates see it once they sync` : `your name is already ${info.name}`)
    })
}
