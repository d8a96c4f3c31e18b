/**
 * The entry of `pat` with no command and `pat app` (the terminal app), bundled on its own into one CommonJS
 * file, dist/bundle/app.cjs (scripts/bundle.js), which bin/pat.cjs runs with a V8 code cache as it runs the
 * everyday commands' lite.cjs: the app's start then reads one file and deserializes the functions it ran
 * before, instead of resolving, reading and compiling some forty ES module chunks (docs/startup.md). It is
 * the whole program — `pat` alone prints the status summary when no terminal is attached — so it never
 * declines a command line.
 *
 * Ink's layout engine (yoga-layout) is WebAssembly, which its module instantiates with a top-level await; a
 * CommonJS file has none, so this entry starts instantiating it at once and the bundle's copy of
 * yoga-layout's index takes the instance from here (`yogaInstance`, see scripts/bundle.js); the app command
 * loads Ink once it is there (src/cli/app-start.ts). Everything else loads when the app's first frame needs
 * it, as in the ES module bundle.
 */
import { loadYoga } from 'yoga-layout/load'
import { arrangeAppStart } from './app-start.js'

type Yoga = Awaited<ReturnType<typeof loadYoga>>

let yoga: Yoga | undefined

/** The instance scripts/bundle.js's yoga-layout index exports: set by main() before anything imports Ink. */
export function yogaInstance (): Yoga {
  if (!yoga) throw new Error('yoga-layout was imported before src/cli/app-fast.ts loaded it')
  return yoga
}

/** What bin/pat.cjs gives the entry: the writer of its code cache, when it has none that fits. */
export interface EntryHooks { writeCodeCache?: () => void }

export async function main (argv: string[], hooks: EntryHooks = {}): Promise<number> {
  const { isTerminal, paintCachedFrame, withoutHome } = await import('./terminal.js')
  const { rest, home } = withoutHome(argv)
  const { processIo } = await import('./io.js')
  if (!(isTerminal() && (rest.length === 0 || (rest.length === 1 && rest[0] === 'app')) && homeGiven(argv))) {
    const { runCli } = await import('./main.js')
    return runCli(argv, processIo())
  }
  // The app, without the command table: what `pat` alone and `pat app` do in a terminal (commands/status.ts,
  // commands/app.ts), minus parsing an argument list known to hold nothing else. WebAssembly compiles off the
  // main thread: started first, it is ready by the time Ink loads. Only the app keeps the code cache
  // (`pat --version` would make one of the top level alone).
  const yogaLoaded = loadYoga().then(instance => { yoga = instance })
  yogaLoaded.catch(() => {}) // awaited by the app command, which reports a failure; unwaited if it fails first
  arrangeAppStart({ beforeUi: yogaLoaded, writeCodeCache: hooks.writeCodeCache })
  paintCachedFrame(argv)
  const io = processIo()
  const [{ launchApp }, { resolveHome }, { EXIT, reportError }] = await Promise.all([import('./commands/app.js'), import('../store/home.js'), import('./errors.js')])
  try {
    await launchApp({ io, argv, home: () => resolveHome(home) })
    return EXIT.ok
  } catch (err) {
    return reportError(io, err)
  }
}

/** Every `--home` has its value (else the command table says what is wrong). */
function homeGiven (argv: readonly string[]): boolean {
  return argv.every((a, i) => a === '--home' ? argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-') : a !== '--home=')
}
