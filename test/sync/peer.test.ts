// Peer nodes on loopback: one-shot sync both ways, strangers and removed members refused (and learning
// nothing), a misbehaving member cut off while others keep syncing, documents a member names but nobody has
// not kept, and remembered peers redialled.
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { Store } from '../../src/store/index.js'
import { setAsideBook } from '../../src/store/sync-target.js'
import { FRAME, readFrame, writeSyncFrame } from '../../src/sync/frames.js'
import { PeerBook } from '../../src/sync/peer/book.js'
import { loadTls } from '../../src/sync/tls.js'
import { connect } from '../../src/sync/transport.js'
import { waitFor } from '../helpers/cli.js'
import { startNode } from '../helpers/peers.js'
import { newStore } from '../helpers/store.js'
import { joinedStore, signer } from '../helpers/team.js'
import { closedAfter } from '../helpers/closed-after.js'

const keep = closedAfter('each')
const node = async (s: Store, opts: Parameters<typeof startNode>[1] = {}) => { const n = await startNode(s, opts); keep({ close: () => n.node.stop() }); return n }

async function team () {
  const ana = keep(await newStore('Ana Lima'))
  const bo = keep(await joinedStore(ana, 'Bo Chen', 'editor'))
  return { ana, bo, a: await node(ana) }
}

describe('a peer node', () => {
  it('syncs once, both ways, and records the peer', async () => {
    const { ana, bo, a } = await team()
    const fromAna = await ana.accounts.add({ name: 'Ana Co' })
    const fromBo = await bo.accounts.add({ name: 'Bo Co' })
    await bo.checklist.set(fromAna.id, 'compliance.B', 'yes')
    const b = await node(bo, { listen: false })
    const peer = await b.node.syncOnce(a.address, 5000)
    expect(peer).toMatchObject({ id: ana.ws.member.id, name: 'Ana Lima', connected: true, pending: 0 })
    expect(await ana.accounts.show(fromBo.id)).toEqual(await bo.accounts.show(fromBo.id))
    expect(await ana.checklist.show(fromAna.id)).toEqual(await bo.checklist.show(fromAna.id))
    expect(await ana.accounts.list()).toEqual(await bo.accounts.list())
    expect(await new PeerBook(bo.ws.paths.peers).list()).toEqual([expect.objectContaining({ id: ana.ws.member.id, address: a.address, lastSync: expect.any(String) })])
    await waitFor(() => a.node.status().peers.find(p => p.id === bo.ws.member.id && !p.connected), 3000, 'the session to end on Ana\'s side')
    await ana.accounts.set(fromAna.id, { notes: 'while Bo is away' })
    expect(a.node.status().peers.find(p => p.id === bo.ws.member.id)!.pending).toBeGreaterThan(0)
    await b.node.syncOnce(a.address, 5000)
    // Bo's syncOnce returns when his side is done; Ana counts the edit delivered when his last frame reaches her.
    await waitFor(() => a.node.status().peers.find(p => p.id === bo.ws.member.id)?.pending === 0 || undefined, 3000, 'Ana to count her edit delivered')
  })

  it('refuses a stranger, who learns nothing — not even the list of documents', async () => {
    const { ana, a } = await team()
    await ana.accounts.add({ name: 'Private Harbor Co' })
    const eve = keep(await newStore('Eve Stranger'))
    const docsBefore = await eve.ws.docs.storedNames()
    const e = await node(eve, { listen: false })
    await expect(e.node.syncOnce(a.address, 5000)).rejects.toThrow(`${a.address} refused the connection: not a member of this team`)
    expect(eve.ws.headers()).toEqual([])
    expect(await eve.ws.docs.storedNames()).toEqual(docsBefore)
    expect(a.log.some(l => l.startsWith(`refused a connection from ${eve.ws.member.id}: not a member`))).toBe(true)
  })

  it('refuses a removed member from then on, and ends a session that is open when the removal arrives', async () => {
    const { ana, bo, a } = await team()
    const b = await node(bo)
    b.node.keepConnected(a.address)
    await waitFor(() => a.node.status().peers.find(p => p.id === bo.ws.member.id && p.connected), 5000, 'Bo to connect')
    await ana.roster.remove('Bo Chen', await signer(ana))
    await waitFor(() => a.log.find(l => l.includes('ended: not a member of this team (removed by an owner)')), 5000, 'the session to end')
    const again = await node(bo, { listen: false })
    await expect(again.node.syncOnce(a.address, 5000)).rejects.toThrow(/^127\.0\.0\.1:\d+ (refused the connection|ended the sync): not a member of this team \(removed by an owner\)$/)
  })

  it('cuts off a member who sends garbage and keeps syncing the others', async () => {
    const { ana, bo, a } = await team()
    const cy = keep(await joinedStore(ana, 'Cy Park', 'editor'))
    const acc = await ana.accounts.add({ name: 'Steady Co' })
    const rogue = await connect({ url: `wss://${a.address}`, identity: (await loadTls(bo.ws.paths)).tls })
    const closed = new Promise<string>(resolve => rogue.onClose(resolve))
    rogue.send(writeSyncFrame('account/../../etc', enc => encoding.writeVarUint(enc, 0)))
    expect(await closed).toMatch(/unknown document name/)
    expect(a.log.some(l => /session with Bo Chen ended: unknown document name/.test(l))).toBe(true)
    const c = await node(cy, { listen: false })
    await c.node.syncOnce(a.address, 5000)
    expect((await cy.accounts.show(acc.id)).name).toBe('Steady Co')
  })

  it('answers for documents it does not have without keeping them, and still takes a new one from a peer', async () => {
    const { ana, bo, a } = await team()
    const vi = keep(await joinedStore(ana, 'Vi Tran', 'viewer'))
    await ana.accounts.add({ name: 'Ana Co' })
    const PHANTOMS = 2000
    const rogue = await connect({ url: `wss://${a.address}`, identity: (await loadTls(bo.ws.paths)).tls })
    let docsEnd = false
    let answers = 0 // per phantom, the node asks back (step 1) and answers (step 2)
    rogue.onFrame(data => {
      const frame = readFrame(data)
      if (frame.type === FRAME.DOCS_END) docsEnd = true
      if (frame.type === FRAME.SYNC && frame.doc.startsWith('account/phantom-')) answers++
    })
    await waitFor(() => docsEnd, 5000, 'the node to offer its documents')
    const open = ana.ws.docs.openCount
    const stored = await ana.ws.docs.storedNames()
    // Each named with a step 1, then "sent" with an empty step 2 or update, as a peer that lacks it too would.
    const nothing = new Y.Doc()
    for (let i = 0; i < PHANTOMS; i++) {
      const name = `account/phantom-${i}`
      rogue.send(writeSyncFrame(name, enc => syncProtocol.writeSyncStep1(enc, nothing)))
      if (i % 2 === 0) rogue.send(writeSyncFrame(name, enc => syncProtocol.writeSyncStep2(enc, nothing)))
      else rogue.send(writeSyncFrame(name, enc => syncProtocol.writeUpdate(enc, Y.encodeStateAsUpdate(nothing))))
    }
    await waitFor(() => answers >= 2 * PHANTOMS, 10_000, 'the node to answer every phantom step 1')
    expect(ana.ws.docs.openCount).toBe(open)
    await ana.ws.flush()
    expect(await ana.ws.docs.storedNames()).toEqual(stored)
    expect(a.node.status().peers.find(p => p.name === 'Bo Chen')).toMatchObject({ connected: true })
    rogue.close()

    // A viewer's content for a document nobody has is refused before anything is created: it is set aside
    // (issue 15, point 4) and the session goes on.
    const viewer = await connect({ url: `wss://${a.address}`, identity: (await loadTls(vi.ws.paths)).tls })
    const made = new Y.Doc()
    made.getMap('profile').set('name', 'Made Up Co')
    viewer.send(writeSyncFrame('account/phantom-viewer', enc => syncProtocol.writeUpdate(enc, Y.encodeStateAsUpdate(made))))
    await waitFor(() => setAsideBook(ana.ws).list().length === 1, 10_000, 'the viewer\'s change to be set aside')
    expect(setAsideBook(ana.ws).list()).toEqual([expect.objectContaining({ doc: 'account/phantom-viewer', source: 'peer Vi Tran', reason: 'a viewer may not change account/phantom-viewer' })])
    expect(ana.ws.docs.openCount).toBe(open)
    expect(await ana.ws.docs.storedNames()).toEqual(stored)
    viewer.close()

    // A document that is genuinely new arrives, and is stored.
    const fromBo = await bo.accounts.add({ name: 'Bo Co' })
    await (await node(bo, { listen: false })).node.syncOnce(a.address, 5000)
    await ana.ws.flush()
    expect(await ana.ws.docs.storedNames()).toContain(`account/${fromBo.id}`)
    expect(await ana.accounts.show(fromBo.id)).toEqual(await bo.accounts.show(fromBo.id))
  })

  it('redials a remembered peer with backoff after it went away, and catches up', async () => {
    const { ana, bo, a } = await team()
    await (await node(bo, { listen: false })).node.syncOnce(a.address, 5000) // Bo now remembers Ana
    const port = Number(a.address.split(':')[1])
    const b = await node(bo)
    b.node.reconnectRemembered()
    await waitFor(() => b.node.status().peers.find(p => p.connected), 5000, 'Bo to reconnect to Ana')
    await a.node.stop()
    await waitFor(() => b.node.status().peers.every(p => !p.connected), 5000, 'Bo to notice')
    const acc = await ana.accounts.add({ name: 'Made While Apart' })
    expect(b.node.status().peers[0]).toMatchObject({ connected: false, pending: 0 })
    await waitFor(() => b.log.find(l => l.startsWith(`peer ${a.address}: cannot reach the peer at ${a.address}`)), 5000, 'a failed redial')
    const a2 = await node(ana, { listen: { host: '127.0.0.1', port } })
    await waitFor(() => bo.ws.headers().some(h => h.id === acc.id), 8000, 'the redial to bring the new account')
    expect(a2.node.status().peers.find(p => p.id === bo.ws.member.id)).toMatchObject({ connected: true })
  })
})
