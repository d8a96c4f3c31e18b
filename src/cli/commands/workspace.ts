/**
 * Workspace-level commands: `pat init` (a new team, or `--join CODE` to join one) and `pat demo`. `pat status`
 * (and `pat` with no command) is commands/status.ts.
 */
import type { Command } from 'commander'
import { InputError } from '../../domain/index.js'
import { readConfig, homePaths } from '../../store/index.js'
import { withStore, type CliContext } from '../context.js'
import { printJson } from '../io.js'
import { addDemoAccounts } from '../demo.js'
import { initDefaultWorkspace, initWorkspace, nameDefaultWorkspace } from '../setup.js'

export function registerWorkspace (program: Command, ctx: CliContext): void {
  program.command('init').description('create your identity (a key pair) and a new workspace in the home')
    .requiredOption('--name <name>', 'your name as teammates will see it')
    .option('--team <team>', 'the team\'s name')
    .option('--join <code>', 'join a team with the invite code a team owner made (pat team invite)')
    .option('--json', 'print JSON')
    .action(async (opts: { name: string, team?: string, join?: string, json?: boolean }) => {
      if (opts.join !== undefined) {
        if (opts.team !== undefined) throw new InputError('--team names a new team; a team you join keeps its name: leave out --team')
        const { joinTeam } = await import('../../sync/join.js')
        const joined = await joinTeam(ctx.home(), { name: opts.name, code: opts.join })
        if (opts.json) printJson(ctx.io, joined)
        else ctx.io.out(`joined team "${joined.team.name}" as ${joined.role} (invited by ${joined.inviter}); the workspace is in ${joined.home}\nyou are ${joined.member.name} (member id ${joined.member.id})`)
        return
      }
      // A workspace that a bare first start made under the OS user's name is named, not refused: the
      // README's `npm start` then `pat init --name …` is what a newcomer does.
      const config = ctx.shared?.ws.config ?? await readConfig(homePaths(ctx.home()).config)
      const named = config?.defaulted ? await withStore(ctx, s => nameDefaultWorkspace(s, opts)) : undefined
      let info = named
      if (!info) {
        const ws = await initWorkspace(ctx.home(), opts)
        info = { home: ws.paths.root, member: { ...ws.member }, team: { ...ws.config.team } }
        await ws.close()
      }
      if (opts.json) printJson(ctx.io, info)
      else ctx.io.out(`${named ? 'named the workspace' : 'created workspace'} "${info.team.name}" in ${info.home}\nyou are ${info.member.name} (member id ${info.member.id})`)
    })

  program.command('demo').description('add clearly fictional sample accounts (creates the workspace if needed)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      if (!ctx.shared && !(await readConfig(homePaths(ctx.home()).config))) await initDefaultWorkspace(ctx.home())
      const added = await withStore(ctx, addDemoAccounts)
      if (opts.json) printJson(ctx.io, added)
      else ctx.io.out(added.length ? `added ${added.length} demo accounts: ${added.map(a => a.name).join(', ')}` : 'the demo accounts are already here')
    })
}
