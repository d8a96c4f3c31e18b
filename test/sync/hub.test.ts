// Hub mode: two members who never meet converge through the stock y-websocket server (its own package,
// unmodified, run as a child process on 127.0.0.1); an owner's signed roster changes travel through it, but a
// hub cannot forge or replay one; a hub sending garbage ends that room and changes nothing; an unreachable or
// silent hub fails with one clear line in time.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { beforeAll, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { syncThroughHub } from '../../src/sync/hub/client.js'
import { readHubMessage } from '../../src/sync/hub/protocol.js'
import { parseHubUrl, roomUrl, socketUrl } from '../../src/sync/hub/url.js'
import { contents, expectGarbled, freePort, hubTeam, startFakeHub, startSilentServer, startStockHub, stateVectors, type TestHub } from '../helpers/hub.js'
import { waitFor } from '../helpers/cli.js'
import { newStore, syncStores } from '../helpers/store.js'
import { signer } from '../helpers/team.js'
import { closedAfter } from '../helpers/closed-after.js'

const keep = closedAfter('all')

/** A y-websocket sync message (type 0) from y-protocols' own writers. */
function syncMessage (write: (enc: encoding.Encoder) => void): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, 0)
  write(enc)
  return encoding.toUint8Array(enc)
}

/** A fake room that holds `doc` and answers like the stock server (step 1 at once, step 1 → step 2), keeping nothing it is sent. */
function answeringRoom (socket: WebSocket, doc: Y.Doc): void {
  socket.send(syncMessage(enc => syncProtocol.writeSyncStep1(enc, doc)))
  socket.on('message', (data: Buffer) => {
    const dec = decoding.createDecoder(new Uint8Array(data))
    if (decoding.readVarUint(dec) !== 0 || decoding.readVarUint(dec) !== syncProtocol.messageYjsSyncStep1) return
    socket.send(syncMessage(enc => syncProtocol.readSyncStep1(dec, enc, doc)))
  })
}

describe('hub mode through the stock y-websocket server', () => {
  let hub: TestHub
  beforeAll(async () => { hub = keep(await startStockHub()) }, 20_000)

  it('two members who never meet converge: edits both ways, and an account one side never had', async () => {
    const { ana, bo, account } = await hubTeam(keep)
    await ana.plan.items.add(account.id, { title: 'Hub item from Ana', priority: 'high', due: '2027-01-10' })
    await bo.plan.items.add(account.id, { title: 'Hub item from Bo', priority: 'low', due: '2027-02-10' })
    const later = await ana.accounts.add({ name: 'Later Freight Co' }) // Bo lacks its directory entry and its document

    const first = await syncThroughHub({ store: ana, url: hub.url, timeoutMs: 10_000 })
    expect(first.documents.map(d => d.name).sort()).toEqual(['account/' + account.id, 'account/' + later.id, 'workspace'].sort())
    expect(first.documents.every(d => d.error === undefined && d.sent)).toBe(true)
    const second = await syncThroughHub({ store: bo, url: hub.url, timeoutMs: 10_000 })
    expect(second.documents.find(d => d.name === `account/${later.id}`)).toMatchObject({ received: true, sent: false })
    expect(second.documents.find(d => d.name === `account/${account.id}`)).toMatchObject({ received: true, sent: true })
    const third = await syncThroughHub({ store: ana, url: hub.url, timeoutMs: 10_000 })
    expect(third.documents.find(d => d.name === `account/${account.id}`)).toMatchObject({ received: true, sent: false })

    expect(await bo.accounts.show(account.id)).toEqual(await ana.accounts.show(account.id))
    expect(await bo.accounts.show(later.id)).toEqual(await ana.accounts.show(later.id))
    expect(JSON.stringify(await ana.accounts.show(account.id))).toContain('Hub item from Bo')
    expect(await stateVectors(bo)).toEqual(await stateVectors(ana))

    // Once in sync, another exchange sends and receives nothing.
    const again = await syncThroughHub({ store: bo, url: hub.url, timeoutMs: 10_000 })
    expect(again.documents.some(d => d.sent || d.received || d.error)).toBe(false)
  })

  it('carries the owner\'s signed roster changes: a new member, a role change and a removal reach a member who never meets an owner', async () => {
    const { ana, bo, account } = await hubTeam(keep)
    const cy = 'c'.repeat(64)
    const exchange = async () => {
      expect((await syncThroughHub({ store: ana, url: hub.url, timeoutMs: 10_000 })).documents.every(d => d.error === undefined)).toBe(true)
      expect((await syncThroughHub({ store: bo, url: hub.url, timeoutMs: 10_000 })).documents.every(d => d.error === undefined)).toBe(true)
    }
    await ana.roster.add({ id: cy, name: 'Cy Park', role: 'viewer', publicKey: 'x' }, await signer(ana))
    await ana.plan.items.add(account.id, { title: 'After the roster change', priority: 'high' })
    await exchange()
    expect(bo.roster.role(cy)).toBe('viewer')
    await ana.roster.setRole('Cy Park', 'editor', await signer(ana))
    await exchange()
    expect(bo.roster.role(cy)).toBe('editor')
    await ana.roster.remove('Cy Park', await signer(ana))
    await exchange()
    expect(bo.roster.refusal(cy)).toBe('not a member of this team (removed by an owner)')
    expect(bo.ws.members()).toEqual(ana.ws.members())
    expect(await bo.accounts.show(account.id)).toEqual(await ana.accounts.show(account.id))
  })

  it('keeps each team in its own rooms', async () => {
    const { ana } = await hubTeam(keep)
    const other = keep(await newStore('Eve Stone'))
    await other.accounts.add({ name: 'Other Team Co' })
    await syncThroughHub({ store: other, url: hub.url, timeoutMs: 10_000 })
    const before = await contents(ana)
    const result = await syncThroughHub({ store: ana, url: hub.url, timeoutMs: 10_000 })
    expect(result.documents.some(d => d.received)).toBe(false)
    expect((await ana.accounts.list()).map(a => a.name)).not.toContain('Other Team Co')
    expect(await contents(ana)).toEqual(before)
  })
})

describe('a hub that misbehaves', () => {
  it('cannot change the roster: its update adding an owner is refused and nothing of it is applied', async () => {
    const { ana, bo } = await hubTeam(keep)
    const ws = await bo.ws.docs.get('workspace')
    const forged = new Y.Doc()
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(ws))
    forged.getMap('members').set('mallory', { id: 'mallory', name: 'Mallory', role: 'owner', publicKey: 'x', addedAt: '2026-01-01T00:00:00Z', addedBy: ana.ws.member.id })
    forged.getMap('accounts').set('sneaky-k3x9', new Y.Map())
    const fake = keep(await startFakeHub((socket, path) => answeringRoom(socket, path.endsWith('%2Fworkspace') ? forged : new Y.Doc())))
    const before = await contents(bo)
    const lines: string[] = []
    const result = await syncThroughHub({ store: bo, url: fake.url, timeoutMs: 10_000, log: l => lines.push(l) })
    expect(result.documents.find(d => d.name === 'workspace')).toMatchObject({ refused: expect.stringMatching(/^only an owner may change the team or its roster/) })
    expect(result.documents.every(d => d.error === undefined)).toBe(true)
    expect(bo.roster.get('mallory')).toBeUndefined()
    expect(bo.ws.hasAccount('sneaky-k3x9')).toBe(false) // the forger's client wrote both: the whole part is set aside
    expect(await contents(bo)).toEqual(before)
    expect(lines.join('\n')).toMatch(/^workspace: set aside a change by client \d+ from hub ws:\/\/127\.0\.0\.1:\d+: only an owner may change the team or its roster/)
  })

  it('cannot replay an older signed entry: a removed member put back is refused and nothing of it is applied', async () => {
    const { ana, bo } = await hubTeam(keep)
    const cy = 'c'.repeat(64)
    await ana.roster.add({ id: cy, name: 'Cy Park', role: 'editor', publicKey: 'x' }, await signer(ana))
    const added = ana.roster.get(cy)!
    await ana.roster.remove('Cy Park', await signer(ana))
    await syncStores(ana, bo)
    const forged = new Y.Doc()
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(await bo.ws.docs.get('workspace')))
    forged.getMap('members').set(cy, added)
    const fake = keep(await startFakeHub((socket, path) => answeringRoom(socket, path.endsWith('%2Fworkspace') ? forged : new Y.Doc())))
    const before = await contents(bo)
    const result = await syncThroughHub({ store: bo, url: fake.url, timeoutMs: 10_000 })
    expect(result.documents.find(d => d.name === 'workspace')?.refused)
      .toBe('only an owner may change the team or its roster: the roster entry for Cy Park is not newer than the one here (seq 1, here 2)')
    expect(bo.roster.refusal(cy)).toBe('not a member of this team (removed by an owner)')
    expect(await contents(bo)).toEqual(before)
  })

  it('sends garbage: that room ends with the reason, awareness is ignored, documents are untouched', async () => {
    const { bo } = await hubTeam(keep)
    const fake = keep(await startFakeHub((socket, path) => {
      const awareness = encoding.createEncoder()
      encoding.writeVarUint(awareness, 1)
      encoding.writeVarUint8Array(awareness, new Uint8Array([0]))
      socket.send(encoding.toUint8Array(awareness))
      socket.send(path.endsWith('%2Fworkspace') ? new Uint8Array([7, 1, 2, 3]) : new Uint8Array([0, 1, 200, 1]))
    }))
    const before = await contents(bo)
    const result = await syncThroughHub({ store: bo, url: fake.url, timeoutMs: 10_000 })
    expectGarbled(result.documents, 'unknown message type 7')
    expect(await contents(bo)).toEqual(before)
  })

  it('is slow to answer the probe: a room closes only once the hub answered the step 1 sent after our step 2', async () => {
    const { bo } = await hubTeam(keep)
    const seen = new Map<string, string[]>() // by room: the vouches room stays open for the whole exchange
    const fake = keep(await startFakeHub((socket, path) => {
      const doc = new Y.Doc()
      const events: string[] = []
      seen.set(path, events)
      let step1s = 0
      socket.send(syncMessage(enc => syncProtocol.writeSyncStep1(enc, doc)))
      socket.on('message', (data: Buffer) => {
        const message = readHubMessage(new Uint8Array(data))
        events.push(message.type)
        if (message.type !== 'step1') return
        const answer = syncMessage(enc => syncProtocol.writeSyncStep2(enc, doc, message.stateVector))
        if (++step1s === 1) socket.send(answer)
        else setTimeout(() => { events.push('probe answered'); socket.send(answer) }, 150)
      })
      socket.on('close', () => events.push('closed'))
    }))
    const result = await syncThroughHub({ store: bo, url: fake.url, timeoutMs: 10_000, concurrency: 1 })
    expect(result.documents.every(d => d.error === undefined)).toBe(true)
    const rooms = () => [...seen].filter(([path]) => !path.endsWith('%2Fvouches')).map(([, events]) => events)
    await waitFor(() => rooms().length === result.documents.length && rooms().every(e => e.includes('closed')), 5000, 'the rooms to close')
    for (const events of rooms()) expect(events).toEqual(['step1', 'step2', 'step1', 'probe answered', 'closed'])
  })

  it('is unreachable: one clear line at once', async () => {
    const { bo } = await hubTeam(keep)
    const url = `ws://127.0.0.1:${await freePort()}`
    const started = Date.now()
    await expect(syncThroughHub({ store: bo, url, timeoutMs: 5000 })).rejects.toThrow(new RegExp(`^cannot reach the hub at ${url}: .*ECONNREFUSED`))
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('never answers: fails when the timeout is up, naming the hub', async () => {
    const { bo } = await hubTeam(keep)
    const silent = keep(await startSilentServer())
    const started = Date.now()
    await expect(syncThroughHub({ store: bo, url: silent.url, timeoutMs: 1000 }))
      .rejects.toThrow(`the sync through the hub at ${silent.url} did not finish within 1 s (0 documents done): try again, or a longer --timeout`)
    expect(Date.now() - started).toBeLessThan(3000)
  })
})

describe('hub addresses and messages', () => {
  it('takes ws://, wss://, hocuspocus+ws:// and hocuspocus+wss://, and says what is wrong with anything else', () => {
    expect(parseHubUrl('ws://127.0.0.1:1234/')).toEqual({ url: 'ws://127.0.0.1:1234', kind: 'y-websocket' })
    expect(parseHubUrl(' wss://hub.example.com/yjs ').url).toBe('wss://hub.example.com/yjs')
    const hp = parseHubUrl('hocuspocus+ws://127.0.0.1:1234/')
    expect(hp).toEqual({ url: 'hocuspocus+ws://127.0.0.1:1234', kind: 'hocuspocus' })
    expect(socketUrl(hp)).toBe('ws://127.0.0.1:1234')
    expect(socketUrl(parseHubUrl('hocuspocus+wss://hub.example.com/collab'))).toBe('wss://hub.example.com/collab')
    expect(() => parseHubUrl('http://127.0.0.1:1234')).toThrow(/must start with ws:\/\/ or wss:\/\/ \(a y-websocket server\), or hocuspocus\+ws:\/\//)
    expect(() => parseHubUrl('ws://127.0.0.1:1234?token=x')).toThrow(/give the token with --token/)
    expect(() => parseHubUrl('127.0.0.1:1234')).toThrow(/not a hub URL/)
  })

  it('puts the room in one path segment and the token in the query', () => {
    const hub = parseHubUrl('ws://127.0.0.1:1234/yjs')
    expect(roomUrl(hub, 'k3x9team/account/harbor-k3x9', 'a b&c')).toBe('ws://127.0.0.1:1234/yjs/k3x9team%2Faccount%2Fharbor-k3x9?token=a+b%26c')
  })

  it('reads what y-protocols writes and rejects unknown steps and trailing bytes', () => {
    const doc = new Y.Doc()
    doc.getMap('m').set('k', 1)
    const update = Y.encodeStateAsUpdate(doc)
    expect(readHubMessage(syncMessage(enc => syncProtocol.writeSyncStep2(enc, doc)))).toEqual({ type: 'step2', update })
    expect(readHubMessage(syncMessage(enc => syncProtocol.writeUpdate(enc, update)))).toEqual({ type: 'update', update })
    expect(readHubMessage(syncMessage(enc => syncProtocol.writeSyncStep1(enc, doc)))).toEqual({ type: 'step1', stateVector: Y.encodeStateVector(doc) })
    expect(() => readHubMessage(new Uint8Array([0, 5, 0]))).toThrow('unknown sync step 5')
    expect(() => readHubMessage(new Uint8Array([1, 0, 9]))).toThrow('1 bytes after a awareness message')
  })
})
