// @ts-check
// The terminal app on a large workspace (10,000 accounts, from generate-workspace.js), in a real
// pseudo-terminal of 80×24: time to the first frame of the accounts table — from the cached picture the
// app leaves when it quits, and cold (no picture: after another pat command opened the workspace) — against
// a bare `node -e ''` started through the same terminal in the same run; and keystroke-to-frame latency
// (j/k through the table, typing a filter), each time until the frame the key caused is drawn complete;
// for j/k also the first ten keys after start apart from the rest. The timed keys start a second after the
// app is live, as a person's first key comes after a look at the screen.
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateWorkspace } from './generate-workspace.js'
import { appFirstKey, bareNodeInPty, startPty } from './pty.js'
import { figure, percentile } from './stats.js'

const PAT = fileURLToPath(new URL('../bin/pat.cjs', import.meta.url))
const ACCOUNTS = Number(process.env.PAT_BENCH_ACCOUNTS ?? 10_000)
const RUNS = 5
const KEYS = 100

const median = xs => percentile(xs, 50)

async function bareNodeMs () {
  const times = []
  for (let i = 0; i < RUNS; i++) times.push(await bareNodeInPty())
  return median(times)
}

/** Starts the app, waits for the accounts table, and returns it running. */
async function launch (home) {
  const p = startPty(`${JSON.stringify(process.execPath)} ${JSON.stringify(PAT)}`, { env: { ...process.env, PAT_HOME: home } })
  const ms = await p.waitForText(`Accounts · ${ACCOUNTS.toLocaleString('en-US').replace(/,/g, '')}`)
  return { p, ms }
}

async function quit (p) {
  // Quit only once the app is live (a painted picture does not answer keys yet).
  await p.keystroke('j')
  p.type('q')
  await p.exit
}

export async function run () {
  const home = await generateWorkspace(join(process.env.PAT_BENCH_DIR ?? '/tmp', `pat-bench-app-${ACCOUNTS}`), { accounts: ACCOUNTS, seed: 1 })
  const frameCache = join(home, 'first-frame.json')
  const nodeMs = await bareNodeMs()

  const cold = []
  const cached = []
  const firstKeyCold = []
  const firstKeyCached = []
  for (let i = 0; i < RUNS; i++) {
    // Launch → first key answered (issue 21): cold, then from the picture that quit leaves.
    await rm(frameCache, { force: true })
    firstKeyCold.push(await appFirstKey(PAT, home))
    firstKeyCached.push(await appFirstKey(PAT, home))
    await rm(frameCache, { force: true })
    const c = await launch(home)
    cold.push(c.ms)
    await quit(c.p).finally(c.p.kill)
    const w = await launch(home)
    cached.push(w.ms)
    await quit(w.p).finally(w.p.kill)
  }

  const { p } = await launch(home)
  const nav = []
  const filter = []
  try {
    // Keys pressed the instant the app is live would be timed against code V8 is still compiling; the goal
    // figure still takes every one of the 100 keys from the first a person presses.
    await p.waitForFirstKey()
    for (let i = 0; i < KEYS; i++) nav.push(await p.keystroke(i < KEYS / 2 ? 'j' : 'k'))
    await p.keystroke('/')
    // A name narrowed as a person types it, taken back, and a number typed instead: each key changes the frame.
    for (const key of [...'atlas app', ...'\u007F'.repeat(9), ...'04656']) filter.push(await p.keystroke(key))
    // Esc's frame is awaited: an Esc arriving with the next key in one read is taken as Alt+key.
    await p.keystroke('\u001B')
    await quit(p)
  } finally {
    p.kill()
  }

  const ratio = median(cached) / nodeMs
  return {
    accounts: ACCOUNTS,
    figures: [
      figure('bare node -e \'\' in a terminal (median)', nodeMs, 'ms'),
      figure('first frame, as left at quit (median)', median(cached), 'ms'),
      figure('first frame ÷ bare node start', ratio, '×', { value: 2.5, text: '≤ 2.5×' }),
      figure('first frame, cold (no picture, median)', median(cold), 'ms'),
      figure('launch → first key answered, cold (median)', median(firstKeyCold), 'ms'),
      figure('first key, cold ÷ bare node start', median(firstKeyCold) / nodeMs, '×', { value: 4, text: '≤ 4×' }),
      figure('launch → first key answered, from the picture (median)', median(firstKeyCached), 'ms'),
      figure('first key, from the picture ÷ bare node start', median(firstKeyCached) / nodeMs, '×', { value: 4, text: '≤ 4×' }),
      figure('keystroke → frame, j/k p50', percentile(nav, 50), 'ms'),
      figure('keystroke → frame, j/k p95', percentile(nav, 95), 'ms', { value: 16, text: '≤ 16 ms' }),
      // The first keys after start run V8's not yet compiled frame code and its first collections of the
      // start-up data: shown apart, and the rest of the same keys without them.
      figure('keystroke → frame, j/k first 10 (mean)', nav.slice(0, 10).reduce((a, b) => a + b, 0) / 10, 'ms'),
      figure('keystroke → frame, j/k p95 after the first 10', percentile(nav.slice(10), 95), 'ms'),
      figure('keystroke → frame, typing a filter p95', percentile(filter, 95), 'ms')
    ]
  }
}
