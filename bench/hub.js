// @ts-check
// Hub mode through the stock servers, each a child process on 127.0.0.1 (the y-websocket package's bin, and
// test/helpers/hocuspocus-hub.mjs: @hocuspocus/server 3 with a token), two members each with a HubLink
// (built code from dist/):
//  - edit-to-remote-visible latency: an edit on A until B's store shows it, through the hub (p50, p95)
//  - the first full pass of a link over a workspace of ACCOUNTS accounts the hub has not seen (until connected)
//  - a link while the hub is down: rooms open and bytes waiting after OFFLINE_EDITS edits (nothing is queued)
// B is a copy of A's home (same team, hence the same rooms); the hub is an editor to both, so nothing is refused.
import { spawn } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { initWorkspace } from '#dist/cli/setup.js'
import { Store } from '#dist/store/index.js'
import { HubLink } from '#dist/sync/hub/link.js'
import { figure, percentile, round } from './stats.js'

const LATENCY_SAMPLES = 200
const ACCOUNTS = 200
const OFFLINE_EDITS = 1000
const TOKEN = 'bench-token'
/** @type {string[]} */
const homes = []

async function freePort () {
  const server = createServer()
  await new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  await new Promise(resolve => server.close(resolve))
  return port
}

/** A stock hub of `kind` on 127.0.0.1, up once its port answers. */
async function startHub (kind) {
  const port = await freePort()
  const script = kind === 'y-websocket'
    ? join(dirname(createRequire(import.meta.url).resolve('y-websocket/package.json')), 'bin', 'server.cjs')
    : fileURLToPath(new URL('../test/helpers/hocuspocus-hub.mjs', import.meta.url))
  const child = spawn(process.execPath, [script], { env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), TOKEN }, stdio: 'ignore' })
  const exited = new Promise(resolve => child.once('exit', resolve))
  for (let i = 0; !await new Promise(resolve => { const s = connect(port, '127.0.0.1', () => { s.destroy(); resolve(true) }).on('error', () => resolve(false)) }); i++) {
    if (i > 200) { child.kill('SIGKILL'); throw new Error(`the ${kind} hub did not listen`) }
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  return { url: `${kind === 'y-websocket' ? 'ws' : 'hocuspocus+ws'}://127.0.0.1:${port}`, close: async () => { child.kill('SIGKILL'); await exited } }
}

/** Ana's workspace with `accounts` accounts, and Bo's: a copy of her home. */
async function pair (accounts) {
  const a = await mkdtemp(join(tmpdir(), 'pat-bench-hub-'))
  const b = await mkdtemp(join(tmpdir(), 'pat-bench-hub-'))
  homes.push(a, b)
  await (await initWorkspace(a, { name: 'Ana' })).close()
  const ana = await Store.open(a)
  const ids = []
  for (let i = 0; i < accounts; i++) ids.push((await ana.accounts.add({ name: `Hub Harbor ${i}` })).id)
  await ana.close()
  await cp(a, b, { recursive: true })
  return { ana: await Store.open(a), bo: await Store.open(b), ids }
}

const until = async (check, what, ms = 60_000) => {
  const t0 = performance.now()
  while (!await check()) {
    if (performance.now() - t0 > ms) throw new Error(`timed out: ${what}`)
    await new Promise(resolve => setTimeout(resolve, 1))
  }
  return performance.now() - t0
}

async function measure (kind) {
  const hub = await startHub(kind)
  const { ana, bo, ids } = await pair(ACCOUNTS)
  const opts = url => ({ url, token: TOKEN, backoff: { baseMs: 100, maxMs: 1000 } })
  try {
    const a = new HubLink({ store: ana, ...opts(hub.url) })
    a.start()
    const firstPass = await until(() => a.status().state === 'connected', 'the first pass')
    const b = new HubLink({ store: bo, ...opts(hub.url) })
    b.start()
    await until(() => b.status().state === 'connected', 'the second link')

    const acc = ids[0]
    if (!acc) throw new Error('no account to edit')
    const times = []
    for (let i = 0; i < LATENCY_SAMPLES + 20; i++) {
      const text = `edit ${i}`
      let t0 = 0
      const seen = new Promise(resolve => {
        const stop = bo.subscribe(change => {
          if (!change.remote || change.accountId !== acc) return
          bo.accounts.show(acc).then(r => { if (r.profile.notes === text) { stop(); resolve(performance.now() - t0) } })
        })
      })
      t0 = performance.now()
      const [ms] = await Promise.all([seen, ana.accounts.set(acc, { notes: text })])
      if (i >= 20) times.push(ms) // the first ones warm up
    }

    await hub.close()
    await until(() => a.status().state === 'unreachable', 'the link to see the hub gone', 10_000)
    let most = { rooms: 0, bufferedBytes: 0 }
    for (let i = 0; i < OFFLINE_EDITS; i++) {
      await ana.accounts.set(acc, { notes: `offline ${i}` })
      const s = a.status()
      most = { rooms: Math.max(most.rooms, s.rooms), bufferedBytes: Math.max(most.bufferedBytes, s.bufferedBytes) }
    }
    await a.stop()
    await b.stop()
    return { p50: percentile(times, 50), p95: percentile(times, 95), firstPass, most }
  } finally {
    await hub.close()
    await ana.close()
    await bo.close()
  }
}

export async function run () {
  try {
    const y = await measure('y-websocket')
    const h = await measure('hocuspocus')
    const figures = []
    for (const [kind, m] of /** @type {const} */ ([['y-websocket', y], ['hocuspocus', h]])) {
      figures.push(
        figure(`${kind}: edit to remote visible p50`, m.p50, 'ms'),
        figure(`${kind}: edit to remote visible p95`, m.p95, 'ms', { value: 100, text: '≤ 100 ms' }),
        figure(`${kind}: first pass, ${ACCOUNTS} accounts`, m.firstPass, 'ms', { value: 10_000, text: '≤ 10 s' }),
        figure(`${kind}: hub down, ${OFFLINE_EDITS} edits: rooms open`, m.most.rooms, 'rooms', { value: 1, text: '≤ 1 (a retry)' }),
        figure(`${kind}: hub down, ${OFFLINE_EDITS} edits: bytes held`, m.most.bufferedBytes, 'B', { value: 0, text: '0' })
      )
    }
    const raw = m => ({ p50: round(m.p50), p95: round(m.p95), firstPassMs: round(m.firstPass), down: m.most })
    return { figures, raw: { samples: LATENCY_SAMPLES, accounts: ACCOUNTS, offlineEdits: OFFLINE_EDITS, 'y-websocket': raw(y), hocuspocus: raw(h) } }
  } finally {
    await Promise.all(homes.splice(0).map(h => rm(h, { recursive: true, force: true })))
  }
}
