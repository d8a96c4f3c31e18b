/**
 * Running the app in the terminal: the alternate screen (the user's scrollback is untouched and restored
 * on exit), Ink with a frame rate cap and synchronized updates (a frame appears whole, no flicker), and a
 * clean end on `q`, Ctrl-C, or the terminal going away (SIGHUP) — every edit is already on disk by then.
 */
import { render } from 'ink'
import type { Store } from '../store/index.js'
import { App } from './app.js'
import { themeFor } from './theme/theme.js'

export interface RunAppOptions {
  /** Given on the first run (a workspace just created): the welcome screen offers to add the demo accounts. */
  offerDemo?: ((store: Store) => Promise<unknown>) | undefined
  stdout?: NodeJS.WriteStream
  stdin?: NodeJS.ReadStream
  env?: NodeJS.ProcessEnv
}

const ALT_SCREEN_ON = '\x1b[?1049h'
const ALT_SCREEN_OFF = '\x1b[?1049l'

/** Runs the app until the user quits (or the terminal closes); resolves with the signal that ended it, if any. */
export async function runApp (store: Store, opts: RunAppOptions = {}): Promise<{ signal?: NodeJS.Signals }> {
  const stdout = opts.stdout ?? process.stdout
  const stdin = opts.stdin ?? process.stdin
  const env = opts.env ?? process.env
  // A closed terminal makes writes fail (EIO, EPIPE): the edits are on disk, there is nothing to show.
  const ignore = () => undefined
  stdout.on('error', ignore)
  const write = (s: string) => { try { stdout.write(s) } catch { /* the terminal is gone */ } }
  write(ALT_SCREEN_ON)
  const instance = render(<App store={store} theme={themeFor(env)} offerDemo={opts.offerDemo} />, {
    stdout,
    stdin,
    exitOnCtrlC: true,
    patchConsole: false,
    // Ink 6's incremental renderer moves up one line too few before redrawing a frame that ends in a
    // newline (every frame shorter than the terminal, as ours are), so each redraw lands a line lower and
    // leaves a stale line behind — fixed upstream in Ink 7 (vadimdemedes/ink#910), which needs Node 22.
    // The standard renderer redraws only when the frame changed, inside synchronized-update brackets
    // (DEC mode 2026) that terminals supporting them show at once, without tearing.
    incrementalRendering: false,
    maxFps: 30
  })
  let signal: NodeJS.Signals | undefined
  const stop = (s: NodeJS.Signals) => { signal = s; instance.unmount() }
  const signals: NodeJS.Signals[] = ['SIGHUP', 'SIGTERM']
  for (const s of signals) process.on(s, stop)
  try {
    await instance.waitUntilExit()
  } finally {
    for (const s of signals) process.off(s, stop)
    instance.cleanup()
    write(ALT_SCREEN_OFF)
    stdout.off('error', ignore)
  }
  return signal ? { signal } : {}
}
