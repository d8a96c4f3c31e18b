/**
 * Workspace-level commands: `pat init` (a new team, or `--join CODE` to join one), `pat demo`, and `pat` with no command — the app in
 * a terminal, else the workspace summary (the first run creates a default workspace either way, so it never
 * fails on a fresh machine).
 */
import type { Command } from 'commander'
import { InputError, STAGES, STAGE_LABELS } from '../../domain/index.js'
import { type Store, readConfig, homePaths } from '../../store/index.js'
import { withStore, type CliContext } from '../context.js'
import { printJson } from '../io.js'
import { addDemoAccounts } from '../demo.js'
import { initDefaultWorkspace, initWorkspace, nameDefaultWorkspace } from '../setup.js'
import { launchApp } from './app.js'
import { hostOf } from '../host.js'
import { isBareInvocation, isTerminal } from '../terminal.js'

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

  program.command('status', { isDefault: true }).description('the workspace summary (what `pat` with no command prints when not in a terminal)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      // `pat` alone in a terminal opens the app; piped, scripted or forwarded, it prints the summary.
      if (!ctx.shared && isBareInvocation(ctx.argv) && isTerminal()) return launchApp(ctx)
      // `pat` alone, routed to the process that holds the workspace: say why no app opened here (on stderr,
      // so a script reading the summary gets only the summary).
      const holder = ctx.shared && isBareInvocation(ctx.argv) ? hostOf(ctx.shared)?.holder : undefined
      if (holder) ctx.io.err(holder === 'app' ? 'the app is already open on this workspace in another terminal; its summary:' : '`pat serve` holds this workspace, so the app cannot open here; its summary:')
      if (!ctx.shared && !(await readConfig(homePaths(ctx.home()).config))) {
        await initDefaultWorkspace(ctx.home())
        if (!opts.json) ctx.io.out(`Created a new workspace in ${ctx.home()}.`)
      }
      const summary = await withStore(ctx, summarize)
      if (opts.json) { printJson(ctx.io, summary); return }
      ctx.io.out([
        `PAT Desk — ${summary.team} (${summary.home})`,
        `Team id: ${summary.teamId} (a team hub's tokens name it)`,
        `Member: ${summary.member}`,
        `Accounts: ${summary.accounts} active, ${summary.archived} archived`,
        ...STAGES.filter(s => summary.byStage[s]).map(s => `  ${STAGE_LABELS[s].padEnd(10)} ${summary.byStage[s]}`),
        `Open plan items: ${summary.openItems}${summary.nextDue ? `, next due ${summary.nextDue}` : ''}`,
        summary.accounts ? 'See `pat account list`, `pat --help`.' : 'No accounts yet: `pat demo` adds sample accounts; `pat account add --name NAME` adds yours.'
      ].join('\n'))
    })
}

async function summarize (s: Store) {
  const rows = await s.accounts.list({})
  const active = rows.filter(r => !r.archived)
  const byStage: Record<string, number> = {}
  for (const r of active) byStage[r.stage] = (byStage[r.stage] ?? 0) + 1
  return {
    home: s.ws.paths.root,
    team: s.roster.teamName(),
    teamId: s.ws.config.team.id,
    member: s.ws.member.name,
    accounts: active.length,
    archived: rows.length - active.length,
    byStage,
    openItems: active.reduce((n, r) => n + r.openItems, 0),
    nextDue: active.map(r => r.nextDue).filter(Boolean).sort()[0]
  }
}
