// SIGKILL mid-sync with real processes: Ana runs `pat serve` (home A) on loopback, Bo (home B) joined by
// invite. Each round Bo edits (a write loop that reports each edit once it is on disk, and the CLI), Ana edits
// through her running peer, then Bo runs `pat sync --peer` while the test SIGKILLs either Ana's `pat serve` or
// Bo's `pat sync`; a killed `pat serve` is started again (its database must open). Bo dials through a plain
// TCP proxy (helpers/tcp-proxy.ts) only so that the test sees when his connection opens and closes: each kill
// comes a seeded random delay after the connection opened, spread over how long a connection lasted in a
// first, clean sync, so kills land in the TLS handshake, the exchange, or while the received edits are being
// stored. Rounds go on until enough kills landed while the connection was open (bounded).
// At the end one clean sync: every edit a process reported done, on either side, is on both; both databases
// open and pass `pat doctor`'s checks; `pat account show --json` is the same on both.
// `npm test` lands 10 kills mid-sync; `npm run test:faults` (PAT_SYNC_KILLS=50, also run by .ci/run) 50.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import * as prng from 'lib0/prng'
import { afterEach, describe, expect, it } from 'vitest'
import { runDoctor } from '../../src/store/doctor.js'
import { tempDir } from '../helpers/home.js'
import { PAT, pat, patJson, waitFor } from '../helpers/cli.js'
import { TcpProxy, type ProxyConnection } from '../helpers/tcp-proxy.js'

const SEED = 4242
const MIN_KILLS = Number(process.env.PAT_SYNC_KILLS ?? 10)
const MAX_ROUNDS = MIN_KILLS * 2
const LOOP = fileURLToPath(new URL('../helpers/write-loop.mjs', import.meta.url))

const children = new Set<ChildProcess>()
const proxies: TcpProxy[] = []
afterEach(async () => {
  for (const c of children) c.kill('SIGKILL')
  children.clear()
  for (const p of proxies.splice(0)) await p.close()
})

interface Proc { child: ChildProcess, out: () => string, err: () => string, exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }> }

function start (args: string[]): Proc {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } })
  children.add(child)
  let out = ''
  let err = ''
  child.stdout!.on('data', d => { out += d })
  child.stderr!.on('data', d => { err += d })
  const exited = new Promise<{ code: number | null, signal: NodeJS.Signals | null }>(resolve => child.on('exit', (code, signal) => { children.delete(child); resolve({ code, signal }) }))
  return { child, out: () => out, err: () => err, exited }
}

const running = (p: Proc) => p.child.exitCode === null && p.child.signalCode === null

/** A free loopback port, so that a restarted `pat serve` listens where Bo dials. */
function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)) })
  })
}

async function serve (home: string, port: number): Promise<Proc> {
  const p = start([PAT, '--home', home, 'serve', '--host', '127.0.0.1', '--port', String(port), '--no-mdns'])
  await waitFor(() => {
    if (!running(p)) throw new Error(`pat serve exited: ${p.err()}`)
    return p.out().includes(`listening for peers on 127.0.0.1:${port}`)
  }, 15_000, 'pat serve to listen')
  return p
}

/** Runs the write loop on a home until it has reported `edits` edits, then SIGKILLs it; the edits reported done. */
async function writeLoop (home: string, account: string, prefix: string, edits: number): Promise<string[]> {
  const p = start([LOOP, home, account, prefix])
  const done = () => p.out().split('\n').filter(l => l.startsWith('done ')).map(l => `${prefix} ${l.slice(5)}`)
  await waitFor(() => { if (!running(p)) throw new Error(`the write loop exited: ${p.err()}`); return done().length >= edits }, 15_000, 'the write loop')
  p.child.kill('SIGKILL')
  await p.exited
  return done()
}

const titles = (shown: { plan?: { items?: Array<{ title: string }> } }) => new Set((shown.plan?.items ?? []).map(i => i.title))

describe(`SIGKILL of pat serve or pat sync in the middle of a sync (seed ${SEED})`, () => {
  it(`loses no edit reported done on either side, and both databases open; at least ${MIN_KILLS} kills`, async () => {
    const gen = prng.create(SEED)
    const [A, B] = [await tempDir(), await tempDir()]
    const port = await freePort()
    const address = `127.0.0.1:${port}`
    expect((await pat(A, ['init', '--name', 'Ana Lima'])).code).toBe(0)
    const acc = (await patJson(A, ['account', 'add', '--name', 'Killed Harbor Co'])).id as string
    let a = await serve(A, port)
    const invite = await patJson(A, ['team', 'invite'])
    expect(await pat(B, ['init', '--name', 'Bo Chen', '--join', invite.code])).toMatchObject({ code: 0 })

    const reported: string[] = [] // every edit a process reported done, on either side
    const cli = async (home: string, title: string) => {
      const r = await pat(home, ['plan', 'add', acc, '--title', title, '--priority', 'high'])
      if (r.code !== 0) throw new Error(`pat plan add on ${home === A ? 'A' : 'B'} failed: ${r.stderr}`)
      reported.push(title)
    }

    const proxy = await TcpProxy.start(port, gen)
    proxies.push(proxy)
    const nextConnection = () => new Promise<ProxyConnection>(resolve => { const off = proxy.on((c, event) => { if (event === 'open') { off(); resolve(c) } }) })
    // A first sync, not killed, to learn how long a connection lasts here.
    await cli(B, 'B calibration')
    expect(await pat(B, ['sync', '--peer', proxy.address, '--timeout', '10'])).toMatchObject({ code: 0 })
    const first = proxy.connections[0]!
    const windowMs = Math.max(20, first.closed! - first.opened)

    let kills = 0
    let midSync = 0
    const log: string[] = []
    for (let round = 0; midSync < MIN_KILLS && round < MAX_ROUNDS; round++) {
      if (!running(a)) a = await serve(A, port) // the database opens after the kill
      const [bulk] = await Promise.all([
        writeLoop(B, acc, `B r${round} loop`, prng.int32(gen, 10, 40)),
        cli(A, `A r${round}`)
      ])
      reported.push(...bulk)
      await cli(B, `B r${round} cli`)

      const victim = round % 2 === 0 ? 'serve' : 'sync'
      const delay = Math.round(windowMs * 1.1 * prng.real53(gen))
      const connection = nextConnection()
      const sync = start([PAT, '--home', B, 'sync', '--peer', proxy.address, '--timeout', '10'])
      const c = await Promise.race([connection, sync.exited.then(() => undefined)])
      expect(c, `round ${round}: pat sync exited before connecting: ${sync.err()}`).toBeDefined()
      await new Promise(resolve => setTimeout(resolve, delay))
      const target = victim === 'serve' ? a : sync
      const landed = running(target)
      const open = c!.closed === undefined
      if (landed) { target.child.kill('SIGKILL'); kills++ }
      if (landed && open) midSync++
      const [s, t] = await Promise.all([sync.exited, target.exited])
      log.push(`round ${round}: ${victim} killed ${delay} ms after Bo connected: ${!landed ? 'too late, it had exited' : `${open ? 'mid-sync' : 'after the connection closed'} (pat sync ${s.signal ?? `exited ${s.code}: ${sync.err().trim()}`})`}`)
      if (victim === 'serve') expect(t.signal, `round ${round}: pat serve died by itself: ${a.err()}`).toBe(landed ? 'SIGKILL' : null)
    }
    const why = `seed ${SEED}, ${kills} kills, a connection lasted ${windowMs} ms:\n${log.join('\n')}`
    expect(midSync, why).toBeGreaterThanOrEqual(MIN_KILLS)

    // A clean sync, then everything reported done is on both sides.
    if (!running(a)) a = await serve(A, port)
    const last = await pat(B, ['sync', '--peer', address, '--timeout', '20']) // directly, without the proxy
    expect(last, why).toMatchObject({ code: 0 })
    const onA = await patJson(A, ['account', 'show', acc]) // through Ana's running peer
    a.child.kill('SIGTERM')
    expect((await a.exited).code, a.err()).toBe(0)
    const onAOpened = await patJson(A, ['account', 'show', acc]) // Ana's database, opened directly
    const onB = await patJson(B, ['account', 'show', acc])
    expect(onAOpened).toEqual(onA)
    expect(onB).toEqual(onA)
    for (const [side, shown] of [['A', onA], ['B', onB]] as const) {
      const have = titles(shown)
      const missing = reported.filter(t => !have.has(t))
      expect(missing, `${side} lacks edits reported done (${why})`).toEqual([])
    }
    expect(reported.length).toBeGreaterThan(MIN_KILLS * 10)
    for (const home of [A, B]) expect(await runDoctor(home), home).toMatchObject({ ok: true })
  }, 9_000 * MIN_KILLS)
})
