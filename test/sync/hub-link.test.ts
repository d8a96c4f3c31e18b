// The long-running hub link (pat serve, the app), against the stock y-websocket server and a stock
// Hocuspocus 3 server (each a child process on 127.0.0.1): edits travel live both ways without another call;
// a killed hub is 'unreachable' while local work goes on and nothing queues, and once it is back on the same
// port both sides converge; the roster rules hold through the link (an owner's signed change travels, an
// editor's own does not); a refused token is 'refused'; a garbage hub changes nothing; open rooms stay within
// their bound, the rest covered by the periodic full pass.
import { describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/index.js'
import { workspaceRoots } from '../../src/store/schema.js'
import { setAsideBook } from '../../src/store/sync-target.js'
import { HubLink, type HubLinkOptions } from '../../src/sync/hub/link.js'
import { waitFor } from '../helpers/cli.js'
import { contents, freePort, hubTeam, startFakeHub, startHocuspocusHub, startStockHub, type TestHub } from '../helpers/hub.js'
import { replicaState } from '../helpers/sync.js'
import { signer } from '../helpers/team.js'
import { closedAfter } from '../helpers/closed-after.js'

const keep = closedAfter('each')
const TOKEN = 'sw0rdfish'
const FAST = { backoff: { baseMs: 100, maxMs: 400 }, timeoutMs: 5000 }

function link (store: Store, url: string, opts: Partial<HubLinkOptions> = {}) {
  const lines: string[] = []
  const l = new HubLink({ store, url, log: line => lines.push(line), ...FAST, ...opts })
  l.start()
  keep({ close: () => l.stop() })
  return Object.assign(l, { lines })
}

const connected = (...links: HubLink[]) => waitFor(() => links.every(l => l.status().state === 'connected'), 15_000, 'the links to connect')
const titles = async (s: Store, accountId: string) => JSON.stringify(await s.accounts.show(accountId))
/** Both replicas show the same thing (the accounts, in full with their logs, and the roster). */
const converged = (a: Store, b: Store) => waitFor(async () => JSON.stringify((await replicaState(a)).view) === JSON.stringify((await replicaState(b)).view), 15_000, 'the replicas to converge')

const kinds: Array<{ kind: string, start: (port?: number) => Promise<TestHub>, token?: string }> = [
  { kind: 'y-websocket', start: port => startStockHub(port ? { port } : {}) },
  { kind: 'hocuspocus', start: port => startHocuspocusHub({ token: TOKEN, ...(port ? { port } : {}) }), token: TOKEN }
]

describe.each(kinds)('a hub link through the stock $kind server', ({ kind, start, token }) => {
  const tok = token ? { token } : {}

  /** A hub, and Ana and Bo each linked to it, connected. */
  async function linkedTeam () {
    const hub = keep(await start())
    const team = await hubTeam(keep)
    const a = link(team.ana, hub.url, tok)
    const b = link(team.bo, hub.url, tok)
    await connected(a, b)
    return { hub, a, b, ...team }
  }

  it('carries edits live both ways, a new account too, without another call', async () => {
    const { hub, a, ana, bo, account } = await linkedTeam()
    expect(a.status()).toMatchObject({ url: hub.url, kind, state: 'connected', rooms: 3 }) // workspace, vouches, the account
    expect(Date.parse(a.status().lastSync!)).toBeGreaterThan(Date.now() - 60_000)

    await ana.plan.items.add(account.id, { title: 'Live from Ana', priority: 'high' })
    await waitFor(async () => (await titles(bo, account.id)).includes('Live from Ana'), 10_000, 'Ana\'s item on Bo')
    await bo.plan.items.add(account.id, { title: 'Live from Bo', priority: 'low' })
    await waitFor(async () => (await titles(ana, account.id)).includes('Live from Bo'), 10_000, 'Bo\'s item on Ana')
    const later = await ana.accounts.add({ name: 'Live Freight Co' })
    await ana.plan.items.add(later.id, { title: 'On the new account', priority: 'medium' })
    await waitFor(async () => bo.ws.hasAccount(later.id) && (await titles(bo, later.id)).includes('On the new account'), 10_000, 'the new account on Bo')
    await converged(ana, bo)
    expect(a.lines).toEqual([])
  })

  it('hub killed: unreachable with the reason and the next retry, local edits go on, nothing queues; back on the same port: converges', async () => {
    const port = await freePort()
    let hub = await start(port)
    const { ana, bo, account } = await hubTeam(keep)
    const a = link(ana, hub.url, tok)
    const b = link(bo, hub.url, tok)
    await connected(a, b)
    await hub.close()
    await waitFor(() => [a, b].every(l => l.status().state === 'unreachable'), 10_000, 'the links to see the hub gone')
    const down = a.status()
    expect(down.error).toMatch(/the hub closed the connection|cannot reach the hub|connection error/)
    expect(down.retryInMs).toBeGreaterThanOrEqual(0)
    expect(down.retryInMs).toBeLessThanOrEqual(400)

    for (let i = 0; i < 40; i++) {
      await ana.plan.items.add(account.id, { title: `Offline Ana ${i}`, priority: 'low' })
      await bo.plan.items.add(account.id, { title: `Offline Bo ${i}`, priority: 'low' })
      for (const l of [a, b]) { // nothing held for the hub: at most the workspace room of a retry being dialled (the vouches room opens only once it is open at the hub)
        expect(l.status().rooms).toBeLessThanOrEqual(1)
        expect(l.status().bufferedBytes).toBe(0)
      }
    }
    await waitFor(() => /cannot reach the hub at .*ECONNREFUSED/.test(a.status().error ?? ''), 5000, 'a failed retry')
    expect(a.lines.length).toBeLessThanOrEqual(3) // one line per change of reason, not one per retry

    hub = keep(await start(port))
    await connected(a, b)
    await converged(ana, bo)
    expect(await titles(bo, account.id)).toContain('Offline Ana 39')
    expect(await titles(ana, account.id)).toContain('Offline Bo 39')
  })

  it('keeps the roster rules: the owner\'s signed roster change reaches the editor live, an editor\'s own is refused by the owner', async () => {
    const { a, ana, bo, account } = await linkedTeam()
    const cy = 'c'.repeat(64)
    await ana.roster.add({ id: cy, name: 'Cy Park', role: 'owner', publicKey: 'x' }, await signer(ana))
    await waitFor(() => bo.roster.role(cy) === 'owner', 10_000, 'the roster change on Bo')
    await ana.roster.setRole('Cy Park', 'viewer', await signer(ana))
    await waitFor(() => bo.roster.role(cy) === 'viewer', 10_000, 'the second roster change on Bo')

    const members = workspaceRoots(bo.ws.wsDoc).members // Bo, an editor, makes himself an owner in his own copy
    bo.ws.wsDoc.transact(() => members.set(bo.ws.member.id, { ...members.get(bo.ws.member.id)!, role: 'owner', seq: 5 }))
    const refusal = `from hub ${a.status().url}: only an owner may change the team or its roster: the roster entry for Bo Chen does not match its signature (pat sync set-aside list)`
    await waitFor(() => a.lines.some(l => l.startsWith('workspace: set aside a change by client ') && l.endsWith(refusal)), 10_000, 'the refusal on Ana')
    expect(ana.roster.role(bo.ws.member.id)).toBe('editor')
    // The workspace room is not blocked: it stays live, what the rules allow still arrives, and the refusal is reported once.
    const later = await ana.accounts.add({ name: 'After The Forgery Co' })
    await waitFor(() => bo.ws.hasAccount(later.id), 10_000, 'the new account on Bo')
    await bo.plan.items.add(account.id, { title: 'After the forged change', priority: 'high' })
    await waitFor(async () => (await titles(ana, account.id)).includes('After the forged change'), 10_000, 'the account change on Ana')
    expect(a.status()).toMatchObject({ state: 'connected' })
    expect(a.status().error).toBeUndefined()
    expect(a.lines.filter(l => l.endsWith(refusal))).toHaveLength(1)
    // Bo's new entry, and the deletion of the entry it replaced (a deletion's writer is not known)
    expect(setAsideBook(ana.ws).list().map(e => [e.doc, e.source, e.author.replace(/\d+/, 'N')]).sort())
      .toEqual([['workspace', `hub ${a.status().url}`, 'client N'], ['workspace', `hub ${a.status().url}`, 'unknown']])
  })

  it('bounds the open rooms: beyond them, a change reaches the other side by the periodic full pass', async () => {
    const hub = keep(await start())
    const { ana, bo, account } = await hubTeam(keep)
    const second = await ana.accounts.add({ name: 'Second Co' })
    const third = await ana.accounts.add({ name: 'Third Co' })
    const a = link(ana, hub.url, { ...tok, maxLiveRooms: 1, fullPassMs: 300 })
    const b = link(bo, hub.url, { ...tok, maxLiveRooms: 1, fullPassMs: 300 })
    let most = 0
    for (const l of [a, b]) l.onStatus(() => { most = Math.max(most, l.status().rooms) })
    await connected(a, b)
    await converged(ana, bo)
    for (const id of [account.id, second.id, third.id, account.id]) {
      await ana.plan.items.add(id, { title: `Bounded ${id}`, priority: 'low' })
      await bo.plan.items.add(id, { title: `Bounded on Bo ${id}`, priority: 'low' })
    }
    await converged(ana, bo)
    expect(JSON.stringify(await replicaState(bo))).toContain(`Bounded ${third.id}`)
    expect(most).toBeLessThanOrEqual(5) // the workspace and vouches rooms, one live account's, and a pass's one-shot rooms for the other two
    await waitFor(() => a.status().rooms === 3 && b.status().rooms === 3, 10_000, 'only the live rooms (workspace, vouches, one account) to stay open')
  })
})

describe('a hub link that cannot work', () => {
  it('a refused token: state refused with the clear line, tried again only slowly', async () => {
    const hub = keep(await startHocuspocusHub({ token: TOKEN }))
    const { bo } = await hubTeam(keep)
    const before = await contents(bo)
    const l = link(bo, hub.url, { token: 'wrong', refusedRetryMs: 60_000 })
    await waitFor(() => l.status().state === 'refused', 10_000, 'the refusal')
    expect(l.status()).toMatchObject({ state: 'refused', rooms: 0, error: `the hub at ${hub.url} refused the token for workspace: permission-denied — check the token (pat hub set ${hub.url} --token T)` })
    expect(l.status().retryInMs).toBeGreaterThan(50_000)
    expect(await contents(bo)).toEqual(before)
  })

  it('a hub sending garbage: the rooms end with the reason, nothing changes, local edits go on', async () => {
    const fake = keep(await startFakeHub(socket => { socket.send(new Uint8Array([0, 1, 200, 1])) }))
    const { bo, account } = await hubTeam(keep)
    const before = await contents(bo)
    const l = link(bo, fake.url)
    await waitFor(() => l.lines.length >= 2, 10_000, 'the rooms to end')
    expect(l.lines.every(line => /: (workspace|vouches|account\/.*): undecodable message/.test(line))).toBe(true)
    expect(await contents(bo)).toEqual(before)
    await bo.plan.items.add(account.id, { title: 'Still working', priority: 'low' })
    expect(await titles(bo, account.id)).toContain('Still working')
  })

  it('a Hocuspocus hub sending frames that do not decode: the connection is dropped and tried again, nothing changes', async () => {
    let connections = 0
    const fake = keep(await startFakeHub(socket => { connections++; socket.once('message', () => socket.send(new Uint8Array([200]))) }))
    const { bo } = await hubTeam(keep)
    const before = await contents(bo)
    const l = link(bo, fake.url.replace('ws://', 'hocuspocus+ws://'))
    await waitFor(() => connections >= 3, 10_000, 'the link to try again')
    expect(l.status().state).not.toBe('connected')
    expect(l.lines[0]).toMatch(/: undecodable message: .*; trying again with backoff$/)
    expect(l.lines.length).toBe(1) // the same reason again is not logged again
    expect(await contents(bo)).toEqual(before)
  })

  it('an unreachable hub: unreachable, retried with backoff, no rooms', async () => {
    const { bo } = await hubTeam(keep)
    const url = `hocuspocus+ws://127.0.0.1:${await freePort()}`
    const l = link(bo, url)
    await waitFor(() => l.status().state === 'unreachable', 10_000, 'unreachable')
    expect(l.status()).toMatchObject({ kind: 'hocuspocus', rooms: 0, bufferedBytes: 0 })
    expect(l.status().error).toMatch(new RegExp(`^cannot reach the hub at ${url.replace(/[+.]/g, '\\$&')}: .*ECONNREFUSED`))
  })
})
