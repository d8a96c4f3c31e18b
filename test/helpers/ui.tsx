// Rendering the app for component tests: a real store in a temporary home (optionally with the demo
// accounts), the App rendered by ink-testing-library at a terminal size (80×24 unless told), keys sent as a
// terminal sends them, and `waitFor` polling the last frame — never a fixed sleep.
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { render } from 'ink-testing-library'
import { addDemoAccounts } from '../../src/cli/demo.js'
import { loadIndex } from '../../src/kb/load.js'
import type { KbIndex } from '../../src/kb/types.js'
import type { Store } from '../../src/store/index.js'
import type { SyncIndicator } from '../../src/sync/indicator.js'
import { App } from '../../src/ui/app.js'
import type { Preload } from '../../src/ui/contexts/app-context.js'
import type { Theme } from '../../src/ui/theme/theme.js'
import { everyTest } from './cleanup.js'
import { tempDir } from './home.js'
import { newStore } from './store.js'

export const KEY = {
  enter: '\r',
  escape: '\u001B',
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  tab: '\t',
  shiftTab: '\u001B[Z',
  backspace: '\u007F',
  ctrlF: '\u0006',
  pageDown: '\u001B[6~'
} as const

export interface Ui {
  store: Store
  exportDir: string
  /** The terminal's input, as the app reads it. */
  stdin: NodeJS.ReadStream
  /** The last frame, without colour codes. */
  frame: () => string
  /** Every frame written so far, exactly as the terminal would receive it (escape sequences included). */
  rawFrames: () => readonly string[]
  lines: () => string[]
  /** Resolves with the frame once `check` holds (a substring, a pattern, or a predicate); fails with the frame after `ms`. */
  waitFor: (check: string | RegExp | ((frame: string) => boolean), ms?: number) => Promise<string>
  /** Sends keys one by one (each a KEY value or typed text). */
  press: (...keys: string[]) => Promise<void>
  resize: (columns: number, rows: number) => void
  close: () => Promise<void>
}

let kb: Promise<KbIndex> | undefined
const sharedKb = () => (kb ??= loadIndex())

const open: Ui[] = []
everyTest(async () => { for (const ui of open.splice(0)) await ui.close() })

export interface RenderOptions {
  store?: Store
  demo?: boolean
  columns?: number
  rows?: number
  theme?: Theme
  offerDemo?: (store: Store) => Promise<unknown>
  name?: string
  /** Where exported documents go (default: a new temporary folder; false: the app's own default). */
  exportDir?: string | false
  /** The status bar's sync source (default: the fixed "sync off"). */
  sync?: SyncIndicator
  /** Data read before the first frame, as the app's start gives it (ui/run.tsx). */
  preload?: Preload
}

export async function renderApp (opts: RenderOptions = {}): Promise<Ui> {
  const store = opts.store ?? await newStore(opts.name)
  if (opts.demo) await addDemoAccounts(store)
  const exportDir = opts.exportDir === false ? join(store.ws.paths.root, 'exports') : opts.exportDir ?? await tempDir('pat-export-')
  const r = render(<App store={store} loadKb={sharedKb} {...(opts.exportDir === false ? {} : { exportDir })} {...(opts.theme ? { theme: opts.theme } : {})} {...(opts.offerDemo ? { offerDemo: opts.offerDemo } : {})} {...(opts.sync ? { sync: opts.sync } : {})} {...(opts.preload ? { preload: opts.preload } : {})} />)
  const size = { columns: opts.columns ?? 80, rows: opts.rows ?? 24 }
  Object.defineProperty(r.stdout, 'columns', { get: () => size.columns, configurable: true })
  Object.defineProperty(r.stdout, 'rows', { get: () => size.rows, configurable: true })
  r.stdout.emit('resize')
  const frame = () => stripVTControlCharacters(r.lastFrame() ?? '')
  let closed = false
  const ui: Ui = {
    store,
    exportDir,
    stdin: r.stdin as unknown as NodeJS.ReadStream,
    frame,
    rawFrames: () => r.frames,
    lines: () => frame().replace(/\n$/, '').split('\n'),
    waitFor: async (check, ms = 8000) => {
      const test = typeof check === 'string' ? (f: string) => f.includes(check) : check instanceof RegExp ? (f: string) => check.test(f) : check
      const deadline = Date.now() + ms
      for (;;) {
        const f = frame()
        if (test(f)) return f
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(check)}; the screen shows:\n${f}`)
        await new Promise(resolve => setTimeout(resolve, 10))
      }
    },
    press: async (...keys) => {
      for (const k of keys) {
        r.stdin.write(k)
        // A lone Esc is held by Ink for a turn (it may start an escape sequence): let it go out before the
        // next key, or the two would read as Alt+key — as in a real terminal.
        if (k === KEY.escape) await new Promise(resolve => setImmediate(resolve))
      }
    },
    resize: (columns, rows) => { size.columns = columns; size.rows = rows; r.stdout.emit('resize') },
    close: async () => {
      if (closed) return
      closed = true
      r.unmount()
      r.cleanup()
      await store.close()
    }
  }
  open.push(ui)
  return ui
}

/** The selected line of a list (marked "›"). */
export function selectedLine (frame: string): string | undefined {
  return frame.split('\n').find(l => l.startsWith('›'))
}
