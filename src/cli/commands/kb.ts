/**
 * `pat search "<query>"` and `pat show <id>`: the SOP knowledge base from the command line. They never
 * open the workspace database (only its kb/ folder of local Markdown), so they start fast and work while
 * the app holds the workspace.
 */
import type { Command } from 'commander'
import { homePaths } from '../../store/home.js'
import type { CliContext } from '../context.js'

export function registerKb (program: Command, ctx: CliContext): void {
  program.command('search').argument('<query...>', 'what you are looking for, in your own words (typos and acronyms are fine)')
    .description('search the SOP and strategy documents (and the team\'s own Markdown in <home>/kb)')
    .option('-n, --limit <n>', 'how many hits', '5')
    .option('--json', 'print JSON: [{id, source, title, trail, score, excerpt, text, part?, partOf?}]')
    .action(async (query: string[], opts: { limit: string, json?: boolean }) => {
      const { runSearch } = await import('../kb-commands.js')
      await runSearch(ctx.io, homePaths(ctx.home()).kb, query.join(' '), opts)
    })

  program.command('show').argument('[id]', 'a section id from `pat search`')
    .description('read a knowledge-base section, rendered for the terminal')
    .option('--for <name>', 'the SOP passage behind a lifecycle task, checklist item or due rule (evaluate.profile, compliance.B, plan-review)')
    .option('--raw', 'print the Markdown')
    .option('--json', 'print JSON')
    .action(async (id: string | undefined, opts: { raw?: boolean, json?: boolean, for?: string }) => {
      const { runShow } = await import('../kb-commands.js')
      await runShow(ctx.io, homePaths(ctx.home()).kb, id, opts)
    })
}
