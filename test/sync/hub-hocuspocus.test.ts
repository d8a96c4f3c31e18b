// Hub mode through a stock Hocuspocus 3 server (@hocuspocus/server, unmodified, a child process on 127.0.0.1
// whose onAuthenticate checks a token): two members who never meet converge over its one WebSocket; a wrong
// or missing token fails with one clear line and changes nothing; the roster rules hold; a Hocuspocus-framed
// hub sending garbage ends the rooms it garbles and changes nothing.
import * as encoding from 'lib0/encoding'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { hubTarget, syncThroughHub } from '../../src/sync/hub/client.js'
import { hocuspocusTransport } from '../../src/sync/hub/hocuspocus.js'
import { HubRoom } from '../../src/sync/hub/room.js'
import { voucherOf } from '../../src/store/vouches.js'
import { parseHubUrl } from '../../src/sync/hub/url.js'
import { waitFor } from '../helpers/cli.js'
import { readHocuspocusFrame, readHocuspocusMessage, writeCloseDoc, writeHocuspocusSync, writeToken } from '../../src/sync/hub/hocuspocus-protocol.js'
import { contents, expectGarbled, hubTeam, startFakeHub, startHocuspocusHub, stateVectors, type TestHub } from '../helpers/hub.js'
import { signer } from '../helpers/team.js'
import { closedAfter } from '../helpers/closed-after.js'

const keep = closedAfter('all')
const TOKEN = 'sw0rdfish'

describe('hub mode through a stock Hocuspocus server', () => {
  let hub: TestHub
  beforeAll(async () => { hub = keep(await startHocuspocusHub({ token: TOKEN })) }, 20_000)

  it('two members who never meet converge over one WebSocket: edits both ways, and an account one side never had', async () => {
    const { ana, bo, account } = await hubTeam(keep)
    await ana.plan.items.add(account.id, { title: 'Hocuspocus item from Ana', priority: 'high' })
    await bo.plan.items.add(account.id, { title: 'Hocuspocus item from Bo', priority: 'low' })
    const later = await ana.accounts.add({ name: 'Later Freight Co' })

    const first = await syncThroughHub({ store: ana, url: hub.url, token: TOKEN, timeoutMs: 10_000 })
    expect(first.documents.map(d => d.name).sort()).toEqual(['account/' + account.id, 'account/' + later.id, 'workspace'].sort())
    expect(first.documents.every(d => d.error === undefined && d.sent)).toBe(true)
    const second = await syncThroughHub({ store: bo, url: hub.url, token: TOKEN, timeoutMs: 10_000 })
    expect(second.documents.find(d => d.name === `account/${later.id}`)).toMatchObject({ received: true, sent: false })
    expect(second.documents.find(d => d.name === `account/${account.id}`)).toMatchObject({ received: true, sent: true })
    await syncThroughHub({ store: ana, url: hub.url, token: TOKEN, timeoutMs: 10_000 })

    expect(await bo.accounts.show(account.id)).toEqual(await ana.accounts.show(account.id))
    expect(await bo.accounts.show(later.id)).toEqual(await ana.accounts.show(later.id))
    expect(JSON.stringify(await ana.accounts.show(account.id))).toContain('Hocuspocus item from Bo')
    expect(await stateVectors(bo)).toEqual(await stateVectors(ana))
    const again = await syncThroughHub({ store: bo, url: hub.url, token: TOKEN, timeoutMs: 10_000 })
    expect(again.documents.some(d => d.sent || d.received || d.error)).toBe(false)
  })

  it('a wrong or missing token: one clear line naming the hub and the document, and nothing changes', async () => {
    const { bo } = await hubTeam(keep)
    const before = await contents(bo)
    for (const token of ['not-the-token', undefined]) {
      await expect(syncThroughHub({ store: bo, url: hub.url, ...(token ? { token } : {}), timeoutMs: 10_000 }))
        .rejects.toThrow(`the hub at ${hub.url} refused the token for workspace: permission-denied — check the token (pat hub set ${hub.url} --token T)`)
    }
    expect(await contents(bo)).toEqual(before)
  })

  it('opens a document again at once after closing it: the new room waits for the server\'s CLOSE and syncs', async () => {
    const { ana, account } = await hubTeam(keep)
    const transport = hocuspocusTransport({ hub: parseHubUrl(hub.url), teamId: ana.ws.config.team.id, token: TOKEN, maxMessageBytes: 1 << 20 })
    keep(transport)
    const origin = { origin: 'remote', test: true }
    const target = hubTarget(ana, parseHubUrl(hub.url), () => false, undefined, { voucher: voucherOf(ana.ws, undefined), holdMs: 0 })
    const name = `account/${account.id}`
    const first = new HubRoom({ name, target, live: true, origin })
    transport.open(first)
    expect((await first.synced).error).toBeUndefined()
    first.end()
    const second = new HubRoom({ name, target, live: true, origin })
    transport.open(second)
    expect(await second.synced).toMatchObject({ name, sent: false, received: false })
    expect(second.ended).toBe(false)
    await ana.plan.items.add(account.id, { title: 'Through the second room', priority: 'low' })
    await waitFor(() => transport.bufferedBytes() === 0 && !second.ended, 5000, 'the update to go out')
    expect(second.ended).toBe(false)
  })

  it('carries the owner\'s signed roster change to a member who never meets an owner', async () => {
    const { ana, bo, account } = await hubTeam(keep)
    await ana.roster.add({ id: 'c'.repeat(64), name: 'Cy Park', role: 'viewer', publicKey: 'x' }, await signer(ana))
    await ana.plan.items.add(account.id, { title: 'After the roster change', priority: 'high' })
    await syncThroughHub({ store: ana, url: hub.url, token: TOKEN, timeoutMs: 10_000 })
    const result = await syncThroughHub({ store: bo, url: hub.url, token: TOKEN, timeoutMs: 10_000 })
    expect(result.documents.every(d => d.error === undefined)).toBe(true)
    expect(bo.roster.role('c'.repeat(64))).toBe('viewer')
    expect(await bo.accounts.show(account.id)).toEqual(await ana.accounts.show(account.id))
  })
})

describe('a Hocuspocus hub that misbehaves', () => {
  /** A Hocuspocus-framed message for `doc` of `type` with `write`'s fields. */
  const frame = (doc: string, type: number, write: (enc: encoding.Encoder) => void = () => {}) => {
    const enc = encoding.createEncoder()
    encoding.writeVarString(enc, doc)
    encoding.writeVarUint(enc, type)
    write(enc)
    return encoding.toUint8Array(enc)
  }

  it('garbles a document: that room ends with the reason, other documents named are ignored, nothing changes', async () => {
    const { bo } = await hubTeam(keep)
    const team = bo.ws.config.team.id
    const fake = keep(await startFakeHub(socket => {
      socket.on('message', (data: Buffer) => {
        const { doc } = readHocuspocusFrame(new Uint8Array(data))
        socket.send(frame(`${team}/account/nobody-k3x9`, 0, enc => encoding.writeVarUint8Array(enc, new Uint8Array([1, 2, 3])))) // a room not open: dropped unread
        socket.send(frame(doc, 1, enc => encoding.writeVarUint8Array(enc, new Uint8Array([0])))) // awareness: ignored
        socket.send(doc.endsWith('/workspace') ? frame(doc, 4) : frame(doc, 0, enc => { encoding.writeVarUint(enc, 1); encoding.writeVarUint(enc, 200) }))
      })
    }))
    const before = await contents(bo)
    const result = await syncThroughHub({ store: bo, url: fake.url.replace('ws://', 'hocuspocus+ws://'), timeoutMs: 10_000 })
    expectGarbled(result.documents, 'unknown message type 4')
    expect(await contents(bo)).toEqual(before)
  })

  it('sends a frame whose document name does not decode: every room ends, nothing changes', async () => {
    const { bo } = await hubTeam(keep)
    const fake = keep(await startFakeHub(socket => { socket.once('message', () => socket.send(new Uint8Array([200]))) }))
    const before = await contents(bo)
    const result = await syncThroughHub({ store: bo, url: fake.url.replace('ws://', 'hocuspocus+ws://'), timeoutMs: 10_000 })
    expect(result.documents.length).toBeGreaterThan(1)
    for (const d of result.documents) expect(d.error).toMatch(/^undecodable message/)
    expect(await contents(bo)).toEqual(before)
  })
})

describe('Hocuspocus messages', () => {
  it('writes what the provider writes and reads what the server sends, rejecting unknown types and trailing bytes', () => {
    const doc = new Y.Doc()
    doc.getMap('m').set('k', 1)
    const update = Y.encodeStateAsUpdate(doc)
    const read = (data: Uint8Array) => { const f = readHocuspocusFrame(data); return { doc: f.doc, message: readHocuspocusMessage(f.decoder) } }
    expect([...writeToken('t/workspace', 'abc')]).toEqual([11, ...Buffer.from('t/workspace'), 2, 0, 3, ...Buffer.from('abc')])
    expect([...writeCloseDoc('d')]).toEqual([1, 100, 7])
    expect(read(writeHocuspocusSync('t/workspace', { type: 'update', update }))).toEqual({ doc: 't/workspace', message: { type: 'sync', sync: { type: 'update', update } } })
    expect(read(new Uint8Array([1, 100, 2, 1, 3, ...Buffer.from('no!')]))).toEqual({ doc: 'd', message: { type: 'permission-denied', reason: 'no!' } })
    expect(read(new Uint8Array([1, 100, 2, 2, 9, ...Buffer.from('readwrite')]))).toEqual({ doc: 'd', message: { type: 'authenticated', scope: 'readwrite' } })
    expect(read(new Uint8Array([1, 100, 8, 0]))).toEqual({ doc: 'd', message: { type: 'sync-status', applied: false } })
    expect(read(new Uint8Array([1, 100, 7, 2, 0x1b, 0x41]))).toEqual({ doc: 'd', message: { type: 'close', reason: 'A' } })
    expect(() => read(new Uint8Array([1, 100, 6, 0]))).toThrow('unknown message type 6')
    expect(() => read(new Uint8Array([1, 100, 2, 5]))).toThrow('unknown auth message 5')
    expect(() => read(new Uint8Array([1, 100, 8, 1, 0]))).toThrow('1 bytes after a sync-status message')
    expect(() => readHocuspocusFrame(new Uint8Array([5, 1]))).toThrow(/^undecodable message/)
  })
})
