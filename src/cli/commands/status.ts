/**
 * `pat status`, the default command: the workspace summary; `pat` with no command in a terminal opens the
 * app instead (the first run creates a default workspace either way, so it never fails on a fresh machine).
 * The app, the host and the set-up are loaded only on those paths: the summary is one of the read commands
 * that start fast (docs/startup.md).
 */
import type { Command } from 'commander'
import { STAGES, STAGE_LABELS } from '../../domain/index.js'
import { type Store, readConfig, homePaths } from '../../store/index.js'
import { READS_ACCOUNTS, type CliContext } from '../context.js'
import { jsonAnswer, printKept, textAnswer } from '../kept-output.js'
import { isBareInvocation, isTerminal } from '../terminal.js'

export function registerStatus (program: Command, ctx: CliContext): void {
  program.command('status', { isDefault: true }).description('the workspace summary (what `pat` with no command prints when not in a terminal)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      // `pat` alone in a terminal opens the app; piped, scripted or forwarded, it prints the summary.
      if (!ctx.shared && isBareInvocation(ctx.argv) && isTerminal()) return (await import('./app.js')).launchApp(ctx)
      // `pat` alone, routed to the process that holds the workspace: say why no app opened here (on stderr,
      // so a script reading the summary gets only the summary).
      const holder = ctx.shared && isBareInvocation(ctx.argv) ? (await import('../host.js')).hostOf(ctx.shared)?.holder : undefined
      if (holder) ctx.io.err(holder === 'app' ? 'the app is already open on this workspace in another terminal; its summary:' : '`pat serve` holds this workspace, so the app cannot open here; its summary:')
      const readHomeConfig = () => readConfig(homePaths(ctx.home()).config)
      let config = ctx.shared ? ctx.shared.ws.config : await readHomeConfig()
      if (!config) {
        await (await import('../setup.js')).initDefaultWorkspace(ctx.home())
        if (!opts.json) ctx.io.out(`Created a new workspace in ${ctx.home()}.`)
        config = await readHomeConfig()
      }
      // The summary counts the directory and the summaries; the names come from workspace.json (this config).
      const variant = JSON.stringify([opts.json ? 'json' : 'text', ctx.home(), config?.team.name, config?.member.name])
      await printKept(ctx, { name: 'status', variant, parts: ['workspace', 'summaries'] }, READS_ACCOUNTS, async s => {
        const summary = await summarize(s)
        return opts.json ? jsonAnswer(summary) : textAnswer(statusText(summary))
      })
    })
}

function statusText (summary: Awaited<ReturnType<typeof summarize>>): string {
  return [
    `PAT Desk — ${summary.team} (${summary.home})`,
    `Team id: ${summary.teamId} (a team hub's tokens name it)`,
    `Member: ${summary.member}`,
    `Accounts: ${summary.accounts} active, ${summary.archived} archived`,
    ...STAGES.filter(s => summary.byStage[s]).map(s => `  ${STAGE_LABELS[s].padEnd(10)} ${summary.byStage[s]}`),
    `Open plan items: ${summary.openItems}${summary.nextDue ? `, next due ${summary.nextDue}` : ''}`,
    summary.accounts ? 'See `pat account list`, `pat --help`.' : 'No accounts yet: `pat demo` adds sample accounts; `pat account add --name NAME` adds yours.'
  ].join('\n')
}

async function summarize (s: Store) {
  const totals = await s.accounts.totals()
  return {
    home: s.ws.paths.root,
    team: s.roster.teamName(),
    teamId: s.ws.config.team.id,
    member: s.ws.member.name,
    accounts: totals.active,
    archived: totals.archived,
    byStage: totals.byStage,
    openItems: totals.openItems,
    nextDue: totals.nextDue
  }
}
