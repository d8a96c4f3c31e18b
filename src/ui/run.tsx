/**
 * Running the app in the terminal: the alternate screen (the user's scrollback is untouched and restored
 * on exit), Ink with a frame rate cap and synchronized updates (a frame appears whole, no flicker), and a
 * clean end on `q`, Ctrl-C, or the terminal going away (SIGHUP) — every edit is already on disk by then.
 *
 * The accounts are read before the first frame, so it draws complete; when the app quits it saves its
 * accounts screen for the next start to paint at once (frame-cache.ts). Idle right after its first live
 * frame, it warms the frame code up off screen, so the first keys are as quick as the rest (warm-up.tsx).
 */
import { render, renderToString, type RenderOptions } from 'ink'
import type { KbIndex } from '../kb/types.js'
import type { Store } from '../store/index.js'
import type { SyncIndicator } from '../sync/indicator.js'
import { App } from './app.js'
import { ALT_SCREEN_OFF, ALT_SCREEN_ON, localDate, saveFrame } from './frame-cache.js'
import type { AccountRow } from './format/accounts.js'
import { preloadAccounts } from './hooks/use-accounts-screen.js'
import type { Seed } from './hooks/use-store.js'
import { MIN_COLUMNS, MIN_ROWS, type TerminalSize } from './hooks/use-terminal-size.js'
import { themeFor, type Theme } from './theme/theme.js'
import { warmUpWhenIdle, type WarmUp } from './warm-up.js'

export interface RunAppOptions {
  /** Given on the first run (a workspace just created): the welcome screen offers to add the demo accounts. */
  offerDemo?: ((store: Store) => Promise<unknown>) | undefined
  /** The screen holds a painted (cached) frame already, on the alternate screen. */
  painted?: boolean
  stdout?: NodeJS.WriteStream
  stdin?: NodeJS.ReadStream
  env?: NodeJS.ProcessEnv
  /** The host's live sync status and presence, for the status bar. */
  sync?: SyncIndicator
  /** Called once the first frame is drawn and the warm-up is over: what waits for that (sync) may load then. */
  onLive?: () => void
}

const CLEAR = '\x1b[H\x1b[J'

/** Ink's options for the app (and its off-screen warm-up). */
const INK: Omit<RenderOptions, 'stdout' | 'stdin'> = {
  exitOnCtrlC: true,
  patchConsole: false,
  // Ink 6's incremental renderer moves up one line too few before redrawing a frame that ends in a
  // newline (every frame shorter than the terminal, as ours are), so each redraw lands a line lower and
  // leaves a stale line behind — fixed upstream in Ink 7 (vadimdemedes/ink#910), which needs Node 22.
  // The standard renderer redraws only when the frame changed, inside synchronized-update brackets
  // (DEC mode 2026) that terminals supporting them show at once, without tearing.
  incrementalRendering: false,
  // Ink's frame cap is a debounce with a maximum wait: a change made within 1000/maxFps ms of the last
  // frame waits that long from the change. At 120, a key pressed soon after the previous key's frame
  // was held 9 ms (half the keys of a quick run through the table). One of our frames takes longer
  // than a millisecond to draw, so at 1000 a key's frame is never held. Bursts stay cheap without a
  // cap: a burst of store changes is coalesced into few loads, one commit (and frame) each (use-store.ts).
  maxFps: 1000
}

/** Runs the app until the user quits (or the terminal closes); resolves with the signal that ended it, if any. */
export async function runApp (store: Store, opts: RunAppOptions = {}): Promise<{ signal?: NodeJS.Signals }> {
  const stdout = opts.stdout ?? process.stdout
  const stdin = opts.stdin ?? process.stdin
  const theme = themeFor(opts.env ?? process.env)
  // A closed terminal makes writes fail (EIO, EPIPE): the edits are on disk, there is nothing to show.
  const ignore = () => undefined
  stdout.on('error', ignore)
  const write = (s: string) => { try { stdout.write(s) } catch { /* the terminal is gone */ } }
  const accounts = await preloadAccounts(store, { first: true })
  // Over a painted frame, the live one is drawn from the top of a cleared screen, in the same write burst.
  write(opts.painted ? CLEAR : ALT_SCREEN_ON)
  // What waits for the app to be live — the knowledge base, sync — loads once its warm-up is over.
  let goLive = () => {}
  const live = new Promise<void>(resolve => { goLive = resolve })
  const instance = render(<App store={store} theme={theme} offerDemo={opts.offerDemo} preload={{ accounts }} liveAfter={live} {...(opts.sync ? { sync: opts.sync } : {})} />, { ...INK, stdout, stdin })
  // The welcome screen of a first run is not the accounts table the warm-up draws.
  const warmUp = opts.offerDemo ? undefined : warmUpAccounts(store, theme, accounts.data, stdout, stdin)
  void (warmUp?.done ?? Promise.resolve()).then(() => { goLive(); opts.onLive?.() })
  let signal: NodeJS.Signals | undefined
  const stop = (s: NodeJS.Signals) => { signal = s; instance.unmount() }
  const signals: NodeJS.Signals[] = ['SIGHUP', 'SIGTERM']
  for (const s of signals) process.on(s, stop)
  try {
    await instance.waitUntilExit()
  } finally {
    for (const s of signals) process.off(s, stop)
    warmUp?.stop()
    instance.cleanup()
    write(ALT_SCREEN_OFF)
    stdout.off('error', ignore)
  }
  // The terminal is gone after SIGHUP: nothing to draw a frame for.
  if (!signal) await saveFirstFrame(store, theme, stdout)
  return signal ? { signal } : {}
}

/** The terminal's size, when the accounts screen fits it. */
function screenSize (stdout: Pick<NodeJS.WriteStream, 'columns' | 'rows'>): TerminalSize | undefined {
  const { columns, rows } = stdout
  return columns && rows && columns >= MIN_COLUMNS && rows >= MIN_ROWS ? { columns, rows } : undefined
}

const WARM_UP_ACCOUNTS = 200

// The knowledge base plays no part in the accounts screen: it is never loaded for a frame drawn off screen.
const noKb = () => new Promise<KbIndex>(() => undefined)

/** The accounts screen, drawn off screen at a fixed size: no sync line, no knowledge base. */
function offScreenApp (store: Store, theme: Theme, accounts: Seed<AccountRow[]>, size: TerminalSize) {
  return <App store={store} theme={theme} preload={{ accounts }} size={size} loadKb={noKb} />
}

/**
 * Warms the accounts screen's frame code up off screen (warm-up.tsx) with the first of the accounts just
 * read: enough to fill the table and scroll through it, few enough that the off-screen tree's own sort and
 * filters cost little (with all 10,000 its first frame took 205 ms instead of 56, and more memory) — a
 * frame's code runs the same for any number of accounts, as only the rows on screen are drawn. They are
 * given as read at the store's present version: the warm-up stops at the store's next change, so its tree
 * never loads from the store.
 */
export function warmUpAccounts (store: Store, theme: Theme, accounts: AccountRow[], stdout: Pick<NodeJS.WriteStream, 'columns' | 'rows'>, stdin: NodeJS.EventEmitter, keys?: readonly string[]): WarmUp | undefined {
  const size = screenSize(stdout)
  if (!size) return undefined
  return warmUpWhenIdle(offScreenApp(store, theme, { data: accounts.slice(0, WARM_UP_ACCOUNTS), version: store.version }, size), {
    input: stdin, subscribe: listener => store.subscribe(listener), ...size, ink: INK, ...(keys ? { keys } : {})
  })
}

/** Draws the accounts screen off screen, as the next start will find the workspace, and caches it. */
async function saveFirstFrame (store: Store, theme: Theme, stdout: NodeJS.WriteStream): Promise<void> {
  try {
    const size = screenSize(stdout)
    if (!size) return
    const frame = renderToString(offScreenApp(store, theme, await preloadAccounts(store), size), { columns: size.columns })
    await saveFrame(store.ws.paths.firstFrame, { ...size, theme: theme.name, date: localDate() }, frame)
  } catch {
    // Only a faster next start is lost.
  }
}
