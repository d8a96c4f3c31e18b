// Driving the real `pat` binary in tmux, as a person at a terminal would: a private tmux server (-L) per
// session, a window of a fixed size, keys sent with send-keys, and the screen read with capture-pane —
// waiting on what the screen shows, never for a fixed time.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { PAT } from './cli.js'

const run = promisify(execFile)
let sessions = 0

export interface TmuxApp {
  screen: () => Promise<string>
  /** The screen with its styles, as SGR escape sequences (capture-pane -e). */
  styled: () => Promise<string>
  waitFor: (check: string | RegExp | ((screen: string) => boolean), ms?: number) => Promise<string>
  /** Keys by tmux name (Enter, Escape, Tab, C-f, Down…). */
  keys: (...names: string[]) => Promise<void>
  /** Literal text, typed as is. */
  type: (text: string) => Promise<void>
  /** Whether the program in the window has ended. */
  exited: () => Promise<boolean>
  /** Closes the terminal (tmux kills the window: the program gets SIGHUP). */
  kill: () => Promise<void>
}

export async function hasTmux (): Promise<boolean> {
  return run('tmux', ['-V']).then(() => true, () => false)
}

/**
 * `env` is added to the program's environment, `unset` names taken out of it (the tests' own NO_COLOR, say);
 * `args` are given to `pat` (none: the app).
 */
export async function startApp (home: string, opts: { columns?: number, rows?: number, env?: Record<string, string>, unset?: string[], args?: string[] } = {}): Promise<TmuxApp> {
  const socket = `pat-test-${process.pid}-${++sessions}`
  const tmux = (...args: string[]) => run('tmux', ['-L', socket, ...args])
  const env = [...(opts.unset ?? []).map(name => `-u ${name}`), ...Object.entries({ PAT_HOME: home, ...opts.env }).map(([k, v]) => `${k}='${v}'`)].join(' ')
  // The marker line shows that the program ended (and how), and keeps the window open to read it.
  await tmux('new-session', '-d', '-s', 'app', '-x', String(opts.columns ?? 80), '-y', String(opts.rows ?? 24),
    `env ${env} node '${PAT}'${(opts.args ?? []).map(a => ` '${a.replace(/'/g, '\'\\\'\'')}'`).join('')}; echo "PAT-EXITED $?"; sleep 60`)
  const screen = async () => (await tmux('capture-pane', '-p', '-t', 'app')).stdout
  const app: TmuxApp = {
    screen,
    styled: async () => (await tmux('capture-pane', '-e', '-p', '-t', 'app')).stdout,
    waitFor: async (check, ms = 15_000) => {
      const test = typeof check === 'string' ? (s: string) => s.includes(check) : check instanceof RegExp ? (s: string) => check.test(s) : check
      const deadline = Date.now() + ms
      for (;;) {
        const s = await screen()
        if (test(s)) return s
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(check)}; the screen shows:\n${s}`)
        await new Promise(resolve => setTimeout(resolve, 50))
      }
    },
    keys: async (...names) => { await tmux('send-keys', '-t', 'app', ...names) },
    type: async text => { await tmux('send-keys', '-t', 'app', '-l', text) },
    exited: async () => (await screen()).includes('PAT-EXITED'),
    kill: async () => { await tmux('kill-server').catch(() => undefined) }
  }
  return app
}
