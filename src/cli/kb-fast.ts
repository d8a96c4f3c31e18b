/**
 * `pat search` and `pat show`, the fast path (src/cli/main.ts runs it first; bin/pat.cjs runs `pat search` from
 * its own bundle, dist/bundle/kb.cjs, with a V8 code cache: docs/startup.md). Imports no store and no command
 * table.
 */
import { resolveHome } from '../store/home.js'
import { EXIT, reportError } from './errors.js'
import { fdIoOrProcessIo } from './fd-io.js'
import { type Io } from './io.js'

/**
 * `pat search` and `pat show` take a fast path: parsed with node's own parseArgs and run without loading
 * the command tree or the store, so a cold search costs little more than starting node. Anything unusual
 * (help, unknown options) falls through to the full program, which gives the usual messages.
 */
export async function fastKb (argv: string[], io: Io): Promise<number | undefined> {
  const first = argv.findIndex(a => !a.startsWith('-') && !argv[argv.indexOf(a) - 1]?.startsWith('--home'))
  if (!(first >= 0 && (argv[first] === 'search' || argv[first] === 'show') && !argv.includes('--help') && !argv.includes('-h'))) return undefined
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

/**
 * The entry of dist/bundle/kb.cjs: runs the command line, or undefined when the full program must. Once the
 * answer is written the process leaves at once, skipping node's tidying up, where a garbage collection the
 * search left scheduled would run (5 ms and a few fresh megabytes of heap: docs/search.md). bin/pat.cjs's code
 * cache, when it had none, is written first (it would be after main returns).
 */
export async function main (argv: string[], hooks: { writeCodeCache?: () => void } = {}): Promise<number | undefined> {
  const { io, direct } = fdIoOrProcessIo()
  const code = await fastKb(argv, io)
  if (code === undefined) return undefined
  hooks.writeCodeCache?.()
  // Output that is no terminal was written synchronously (fd-io.ts); a terminal's streams leave once flushed.
  if (direct) process.exit(code)
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
  return code
}
