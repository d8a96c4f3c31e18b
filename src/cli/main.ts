/**
 * Entry point of `pat`: runs one command line and returns its exit code. Only what every run needs is
 * imported up front; the command tree (and with it the store) loads on demand, so the knowledge-base
 * commands start fast.
 */
import type { Store } from '../store/index.js'
import { resolveHome } from '../store/home.js'
import { EXIT, reportError } from './errors.js'
import { processIo, type Io } from './io.js'
import { paintCachedFrame } from './terminal.js'

/** Runs one command line; `shared` is the open store when running inside the process that holds it. */
export async function runCli (argv: string[], io: Io, shared?: Store): Promise<number> {
  const [{ runProgram }, { pickGroups }] = await Promise.all([import('./program.js'), import('./commands/index.js')])
  return runProgram(argv, io, pickGroups, shared)
}

/**
 * `pat search` and `pat show` take a fast path: parsed with node's own parseArgs and run without loading
 * the command tree or the store, so a cold search costs little more than starting node. Anything unusual
 * (help, unknown options) falls through to the full program, which gives the usual messages.
 */
async function fastKb (argv: string[], io: Io): Promise<number | undefined> {
  const { parseArgs } = await import('node:util')
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        home: { type: 'string' }, limit: { type: 'string', short: 'n' }, json: { type: 'boolean' }, raw: { type: 'boolean' }, for: { type: 'string' }
      }
    })
  } catch { return undefined }
  const [cmd, ...rest] = parsed.positionals
  const { values } = parsed
  if ((rest.length === 0 && !(cmd === 'show' && values.for)) || (cmd === 'search' && (values.raw || values.for)) || (cmd === 'show' && (values.limit || rest.length > 1))) return undefined
  const localDir = resolveHome(values.home) + '/kb'
  try {
    const kb = await import('./kb-commands.js')
    if (cmd === 'search') await kb.runSearch(io, localDir, rest.join(' '), { ...(values.limit ? { limit: values.limit } : {}), json: Boolean(values.json) })
    else await kb.runShow(io, localDir, rest[0], { raw: Boolean(values.raw), json: Boolean(values.json), ...(values.for !== undefined ? { for: values.for } : {}) })
    return EXIT.ok
  } catch (err) {
    return reportError(io, err)
  }
}

export async function main (argv: string[]): Promise<number> {
  paintCachedFrame(argv)
  const io = processIo()
  const first = argv.findIndex(a => !a.startsWith('-') && !argv[argv.indexOf(a) - 1]?.startsWith('--home'))
  if (first >= 0 && (argv[first] === 'search' || argv[first] === 'show') && !argv.includes('--help') && !argv.includes('-h')) {
    const code = await fastKb(argv, io)
    if (code !== undefined) return code
  }
  return runCli(argv, io)
}
