import { describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { workspaceSyncTarget, type Store } from '../../src/store/index.js'
import { FRAME, ProtocolError, readFrame, writeSyncFrame } from '../../src/sync/frames.js'
import { SyncSession, type SyncTarget } from '../../src/sync/session.js'
import * as encoding from 'lib0/encoding'
import { newStore } from '../helpers/store.js'
import { waitFor } from '../helpers/wait.mjs'

const target = (s: Store): SyncTarget => ({ docNames: () => s.ws.docs.storedNames(), has: name => s.ws.docs.has(name), doc: name => s.ws.docs.get(name), onChange: l => s.ws.docs.onChange(name => l(name)) })

/** Two sessions joined by an in-memory pipe (frames delivered asynchronously, in order). */
function connect (a: Store, b: Store) {
  const errors: Error[] = []
  const deliver = (to: () => SyncSession) => (frame: Uint8Array) => { queueMicrotask(() => { to().receive(frame).catch(e => errors.push(e)) }) }
  const sa: SyncSession = new SyncSession(target(a), deliver(() => sb))
  const sb: SyncSession = new SyncSession(target(b), deliver(() => sa))
  return { sa, sb, errors, start: async () => { await Promise.all([sa.start(), sb.start()]); await Promise.all([sa.synced, sb.synced]) } }
}

describe('a sync session between two peers', () => {
  it('exchanges offline edits both ways, including documents new to one side', async () => {
    const a = await newStore('Ana Lima')
    const b = await newStore('Bo Chen')
    const acc = await a.accounts.add({ name: 'Shared Harbor Co', iors: ['11-2223334'] })
    await b.accounts.add({ name: 'Bo Account' })
    const link = connect(a, b)
    await link.start()
    expect(link.errors).toEqual([])
    expect((await b.accounts.show(acc.id)).name).toBe('Shared Harbor Co')
    expect((await a.accounts.list()).map(r => r.name)).toEqual(['Bo Account', 'Shared Harbor Co'])
    expect(await a.accounts.list()).toEqual(await b.accounts.list())
    link.sa.close(); link.sb.close()
    await a.close(); await b.close()
  })

  it('forwards live edits while connected, and relays through a middle peer', async () => {
    const [a, b, c] = [await newStore('A'), await newStore('B'), await newStore('C')]
    const ab = connect(a, b)
    const bc = connect(b, c)
    await ab.start(); await bc.start()
    const acc = await a.accounts.add({ name: 'Relayed Co' })
    await a.checklist.set(acc.id, 'business.C', 'na', 'no remote filing')
    await waitFor(async () => c.ws.headers().some(h => h.id === acc.id) && (await c.checklist.show(acc.id)).find(r => r.name === 'business.C')!.answer === 'na')
    expect(await c.accounts.show(acc.id)).toEqual(await a.accounts.show(acc.id))
    for (const l of [ab, bc]) { l.sa.close(); l.sb.close() }
    for (const s of [a, b, c]) await s.close()
  })

  it('rejects garbage, unknown documents and oversized frames without touching the documents', async () => {
    const a = await newStore()
    const acc = await a.accounts.add({ name: 'Safe Co' })
    const before = await a.accounts.show(acc.id)
    const sent: Uint8Array[] = []
    const session = new SyncSession(target(a), f => sent.push(f), { maxFrameBytes: 1024, maxDocs: 10 })
    await session.start()
    const bad = [
      new Uint8Array([9]),
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
      writeSyncFrame('../../etc/passwd', enc => encoding.writeVarUint(enc, 0)),
      writeSyncFrame('workspace', enc => { encoding.writeVarUint(enc, 2); encoding.writeVarUint8Array(enc, new Uint8Array([1, 2, 3, 4, 5, 6, 7])) }),
      new Uint8Array(2048)
    ]
    for (const frame of bad) await expect(session.receive(frame)).rejects.toBeInstanceOf(ProtocolError)
    expect(await a.accounts.show(acc.id)).toEqual(before)
    expect(sent.length).toBeGreaterThan(0)
    await a.close()
  })

  it('keeps no document for a name the peer asks about that neither side has, and sends it whole once it exists here', async () => {
    const a = await newStore()
    const sent: Uint8Array[] = []
    const session = new SyncSession(workspaceSyncTarget(a.ws, () => 'editor'), f => sent.push(f))
    await session.start()
    const open = a.ws.docs.openCount
    const name = 'account/late'
    await session.receive(writeSyncFrame(name, enc => syncProtocol.writeSyncStep1(enc, new Y.Doc())))
    await session.receive(writeSyncFrame(name, enc => syncProtocol.writeSyncStep2(enc, new Y.Doc())))
    expect(a.ws.docs.openCount).toBe(open)
    expect(await a.ws.docs.has(name)).toBe(false)

    // Updates the session sends for the document, applied to a copy in the peer's place.
    const copy = new Y.Doc()
    const receive = () => {
      for (const data of sent.splice(0)) {
        const frame = readFrame(data)
        if (frame.type !== FRAME.SYNC || frame.doc !== name) continue
        const type = decoding.readVarUint(frame.decoder)
        if (type === syncProtocol.messageYjsUpdate) Y.applyUpdate(copy, decoding.readVarUint8Array(frame.decoder))
      }
    }
    const doc = await a.ws.docs.get(name) // made here (another peer's session, a local edit)
    doc.getMap('profile').set('name', 'Late Co')
    await waitFor(async () => { receive(); return copy.getMap('profile').get('name') === 'Late Co' })
    doc.getMap('profile').set('notes', 'and forwarded from then on')
    receive()
    expect(copy.getMap('profile').toJSON()).toEqual({ name: 'Late Co', notes: 'and forwarded from then on' })
    session.close()
    await a.close()
  })
})
