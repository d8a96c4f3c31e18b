/**
 * `pat app`, and `pat` with no command in a terminal: the terminal app on the workspace. On a fresh machine
 * it creates the default workspace first (as `pat status` does) and the app offers the demo accounts.
 * While the app runs it holds the workspace and serves the control socket exactly like `pat serve`, so
 * other `pat` commands keep working from other terminals (and their changes appear in the app at once),
 * and it runs the same peer sync and hub link (defaults of `pat serve`; its log goes to sync.log in the home, as the
 * terminal belongs to the app). Sync starts once the workspace document has loaded behind the first frame
 * (app-load.ts) and never stops the app from opening.
 * Without a terminal it refuses in one line; `pat` alone then prints the status summary instead.
 */
import type { Command } from 'commander'
import { InputError } from '../../domain/index.js'
import { homePaths, readConfig, type Store } from '../../store/index.js'
import { setAside } from '../../store/debug.js'
import { withStore, type CliContext } from '../context.js'
import { appendFile } from 'node:fs/promises'
import { DEFAULT_SYNC_HOST, DEFAULT_SYNC_PORT, hostOf, hostWorkspace } from '../host.js'
import { addDemoAccounts } from '../demo.js'
import { initDefaultWorkspace } from '../setup.js'
import { isTerminal, takePainted, unpaint } from '../terminal.js'
import { beforeUi, saveCodeCache } from '../app-start.js'
import { loadWhenPaused } from '../app-load.js'

export function registerApp (program: Command, ctx: CliContext): void {
  program.command('app').description('open the terminal app (what `pat` with no command does in a terminal)')
    .action(() => launchApp(ctx))
}

export async function launchApp (ctx: CliContext): Promise<void> {
  if (ctx.shared) {
    throw new InputError(hostOf(ctx.shared)?.holder === 'serve'
      ? '`pat serve` holds this workspace: stop it to open the app here, or use other pat commands'
      : 'the app is already open on this workspace, in another terminal; use it there, or other pat commands here')
  }
  if (!isTerminal()) throw new InputError('the app needs a terminal (stdin and stdout are not a TTY): in scripts use `pat status` or `pat account list`')
  const home = ctx.home()
  let firstRun = false
  if (!(await readConfig(homePaths(home).config))) {
    await initDefaultWorkspace(home)
    firstRun = true
  }
  // If another process holds the workspace, the command goes to it (withStore forwards it): `pat` prints
  // the summary there, `pat app` says the app is already open. (A cached frame is never painted then:
  // the holder removed it when it opened the workspace.)
  try {
    // Opened on the directory snapshot; the workspace document loads once the app is live (app-load.ts).
    await withStore(ctx, store => runWithControl(store, firstRun), { deferWorkspace: !firstRun })
  } finally {
    unpaint()
  }
}

async function runWithControl (store: Store, firstRun: boolean): Promise<void> {
  const log = (line: string) => { appendFile(store.ws.paths.syncLog, `${new Date().toISOString()} ${line}\n`).catch(setAside('writing the sync log')) }
  // The workspace document loads once the app is live and its warm-up is over (runApp's onLive), or as it
  // ends, when that is not long (app-load.ts); sync starts after it.
  let live = () => {}
  const isLive = new Promise<void>(resolve => { live = resolve })
  const ended = new AbortController()
  const loaded = isLive.then(() => loadWhenPaused(store, process.stdin, ended.signal))
  // What this start compiled is then what the next one needs (src/cli/app-start.ts).
  void isLive.then(saveCodeCache)
  const host = await hostWorkspace(store, { holder: 'app', sync: { host: DEFAULT_SYNC_HOST, port: DEFAULT_SYNC_PORT, portGiven: false, peers: [], mdns: true, log, after: loaded } })
  try {
    // Ink draws nothing but the last frame when it believes it runs in CI (any CI=… in the environment), and
    // chalk (supports-color) then drops every style, inverse included, so the selected row and the cursor
    // vanish — it looks only for the name, not its value. On a real terminal the app must draw, so both
    // beliefs are removed before Ink and chalk load.
    for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) delete process.env[name]
    // React's development build checks every element and keeps debugging data per fiber: with 10,000
    // accounts that doubles the work of a keystroke. It is chosen when React loads, from NODE_ENV.
    process.env.NODE_ENV ??= 'production'
    // Ink loads once its layout engine is there (app-start.ts).
    await beforeUi()
    const { runApp } = await import('../../ui/index.js')
    await runApp(store, { offerDemo: firstRun ? addDemoAccounts : undefined, painted: takePainted(), onLive: live, ...(host.indicator ? { sync: host.indicator } : {}) })
  } finally {
    ended.abort()
    live()
    await host.close()
  }
}
