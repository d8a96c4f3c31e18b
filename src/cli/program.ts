/**
 * The command table as a commander program, and running one command line through it.
 */
import { readFileSync } from 'node:fs'
import { Command, CommanderError } from 'commander'
import type { Store } from '../store/index.js'
import { resolveHome } from '../store/home.js'
import type { CliContext } from './context.js'
import { EXIT, reportError } from './errors.js'
import type { Io } from './io.js'
import { commandWord, unknownCommand } from './unknown-command.js'

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

/** Registers command groups on the program (commands/index.ts). */
export type Register = (program: Command, ctx: CliContext) => void
/** The command groups a command line needs, from its first word (commands/index.ts groupsFor). */
export type PickGroups = (word: string | undefined, argv: readonly string[]) => Promise<Register[]>

export async function buildProgram (ctx: CliContext, pick: PickGroups): Promise<Command> {
  const program = new Command('pat')
    .description('PAT Desk: accounts, action plans and SOP guidance for customs port account teams')
    .version(VERSION, '-V, --version')
    .option('--home <dir>', 'workspace home (default: $PAT_HOME, else $XDG_DATA_HOME/patdesk)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: t => ctx.io.out(t.replace(/\n$/, '')), writeErr: t => ctx.io.err(t.replace(/\n$/, '')) })
    // Commander stops wrapping an option's description when under 40 columns are left for it, and the
    // terminal then cuts it in mid-word: in a 60-column terminal, every long option of `pat import`.
    .configureHelp({ minWidthToWrap: 20 })
  ctx.home = () => resolveHome(program.opts<{ home?: string }>().home)
  for (const register of await pick(commandWord(ctx.argv), ctx.argv)) register(program, ctx)
  // Subcommands share the program's output settings and error handling.
  const inherit = (cmd: Command) => { for (const sub of cmd.commands) { sub.exitOverride().configureOutput(program.configureOutput()).configureHelp(program.configureHelp()); inherit(sub) } }
  inherit(program)
  return program
}

export async function runProgram (argv: string[], io: Io, pick: PickGroups, shared?: Store): Promise<number> {
  const ctx: CliContext = { io, argv, ...(shared ? { shared } : {}), home: () => resolveHome() }
  const program = await buildProgram(ctx, pick)
  // `status` is the default command, so commander would hand it an unknown word as an argument ("too many
  // arguments for 'status'"): a first word that names no command is reported as what it is.
  const unknown = unknownCommand(program, argv)
  if (unknown) { io.err(unknown); return EXIT.usage }
  try {
    await program.parseAsync(argv, { from: 'user' })
    return EXIT.ok
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT.ok : EXIT.usage
    }
    return reportError(io, err)
  }
}
