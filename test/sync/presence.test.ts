// Presence over peer connections: a member's name and the account they have open reach the others (also
// through a middle peer), change when they open another, and disappear when they leave; what presence
// remembers of clients that are gone stays bounded.
import { describe, expect, it, vi } from 'vitest'
import { Awareness, encodeAwarenessUpdate, outdatedTimeout } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Store } from '../../src/store/index.js'
import { syncIndicator } from '../../src/sync/indicator.js'
import { Presence } from '../../src/sync/presence.js'
import { waitFor } from '../helpers/cli.js'
import { startNode } from '../helpers/peers.js'
import { newStore } from '../helpers/store.js'
import { joinedStore } from '../helpers/team.js'
import { awarenessUpdate } from '../helpers/awareness.js'
import { closedAfter } from '../helpers/closed-after.js'

const keep = closedAfter('each')

/** The clock records Awareness keeps, one per client id (the table that must stay bounded). */
const records = (p: Presence) => (p as unknown as { awareness: Awareness }).awareness.meta

async function member (store: Store, listen = true) {
  const presence = new Presence({ member: store.ws.member.id, name: store.ws.member.name })
  const n = await startNode(store, { presence, ...(listen ? {} : { listen: false }) })
  keep({ close: async () => { presence.destroy(); await n.node.stop() } })
  return { ...n, presence }
}

describe('presence', () => {
  // Presence makes its document (a random client id, so node:crypto) only when a connection joins: the app
  // starts without it. What was said and listened to before then must still count.
  it('keeps what is viewed and listened to before any connection, and sends it when one joins', () => {
    const a = new Presence({ member: 'AAAA-BBBB', name: 'Ana Lima' })
    const b = new Presence({ member: 'CCCC-DDDD', name: 'Bo Chen' })
    keep({ close: async () => { a.destroy(); b.destroy() } })
    a.view('harbor-co')
    let heard = 0
    b.onChange(() => heard++)
    expect(a.others()).toEqual([])
    const toA: Uint8Array[] = []
    const toB: Uint8Array[] = []
    const linkA = a.link(u => toB.push(u))
    const linkB = b.link(u => toA.push(u))
    for (let round = 0; round < 3; round++) {
      for (const u of toB.splice(0)) linkB.receive(u)
      for (const u of toA.splice(0)) linkA.receive(u)
    }
    expect(b.others()).toEqual([{ member: 'AAAA-BBBB', name: 'Ana Lima', account: 'harbor-co' }])
    expect(a.others()).toEqual([{ member: 'CCCC-DDDD', name: 'Bo Chen' }])
    expect(heard).toBeGreaterThan(0)
    a.view(undefined)
    for (const u of toB.splice(0)) linkB.receive(u)
    expect(b.others()).toEqual([{ member: 'AAAA-BBBB', name: 'Ana Lima' }])
  })

  it('shows who has which account open, through a middle peer, and forgets them when they leave', async () => {
    const ana = await newStore('Ana Lima')
    const bo = await joinedStore(ana, 'Bo Chen', 'editor')
    const cy = await joinedStore(ana, 'Cy Park', 'editor')
    keep(ana, bo, cy)
    const acc = await ana.accounts.add({ name: 'Harbor Co' })
    const a = await member(ana)
    const b = await member(bo, false)
    const c = await member(cy, false)
    b.node.keepConnected(a.address)
    c.node.keepConnected(a.address)
    b.presence.view(acc.id)
    const onC = syncIndicator(c.presence, () => c.node, () => undefined)
    await waitFor(() => onC.alsoHere(acc.id).length > 0, 5000, 'Bo to appear on Cy\'s side')
    expect(onC.alsoHere(acc.id)).toEqual(['Bo Chen'])
    const onA = [{ member: bo.ws.member.id, name: 'Bo Chen', account: acc.id }, { member: cy.ws.member.id, name: 'Cy Park' }]
    await waitFor(() => JSON.stringify(a.presence.others()) === JSON.stringify(onA), 5000, 'Bo and Cy to appear on Ana\'s side')
    await waitFor(() => /^2 peers online · synced \d\d:\d\d$/.test(onC.summary()), 5000, 'Cy\'s status line to show two peers and a sync')
    b.presence.view(undefined)
    await waitFor(() => onC.alsoHere(acc.id).length === 0, 5000, 'Bo to leave the account')
    await b.node.stop()
    await waitFor(() => !a.presence.others().some(p => p.name === 'Bo Chen') && !c.presence.others().some(p => p.name === 'Bo Chen'), 5000, 'Bo to disappear')
    await waitFor(() => onC.summary().startsWith('1 peer online · synced'), 5000, 'Cy\'s status line to count one peer')
  })

  it('the status line tells the status bar when the node has started, or failed to', async () => {
    const store = await newStore('Ana Lima')
    keep(store)
    const presence = new Presence({ member: store.ws.member.id, name: store.ws.member.name })
    keep({ close: async () => presence.destroy() })
    let started = () => {}
    const { node } = await startNode(store, { presence, listen: false })
    keep({ close: () => node.stop() })
    const shown: { node?: typeof node } = {}
    const line = syncIndicator(presence, () => shown.node, () => undefined, undefined, new Promise<void>(resolve => { started = resolve }))
    let told = 0
    line.subscribe(() => { told++ })
    expect(line.summary()).toBe('sync starting')
    shown.node = node
    started()
    await waitFor(() => told > 0, 2000, 'the status bar to be told')
    expect(line.summary()).toBe('no peers online')
    // A node that could not start: told too, and the problem is what shows.
    let failed = () => {}
    const broken = syncIndicator(presence, () => undefined, () => 'sync off', undefined, new Promise<void>((_resolve, reject) => { failed = () => reject(new Error('port in use')) }))
    let toldBroken = 0
    broken.subscribe(() => { toldBroken++ })
    failed()
    await waitFor(() => toldBroken > 0, 2000, 'the status bar to be told of the failure')
    expect(broken.summary()).toBe('sync off')
  })

  it('ignores malformed states and refuses a flood of them', () => {
    const p = new Presence({ member: 'AAAA', name: 'Ana' })
    const q = new Presence({ member: 'BBBB', name: '' }) // an empty name is not shown
    const sent: Uint8Array[] = []
    q.link(u => sent.push(u))
    const link = p.link(() => undefined)
    for (const u of sent) link.receive(u)
    expect(p.others()).toEqual([])
    expect(() => link.receive(new Uint8Array([1, 2, 3]))).toThrow(/bad presence update/)
    const crowd = new Awareness(new Y.Doc())
    const ids = Array.from({ length: 65 }, (_, i) => 1000 + i)
    for (const id of ids) { crowd.states.set(id, { member: 'CCCC', name: `clone ${id}` }); crowd.meta.set(id, { clock: 1, lastUpdated: Date.now() }) }
    expect(() => link.receive(encodeAwarenessUpdate(crowd, ids))).toThrow('more than 64 presence states from one peer')
    crowd.destroy(); p.destroy(); q.destroy()
  })

  it('forgets the clock records of clients that are gone, so a peer cycling through client ids cannot grow the table', () => {
    const p = new Presence({ member: 'AAAA', name: 'Ana' })
    const link = p.link(() => undefined)
    const state = (client: number) => ({ member: 'CCCC', name: `Cy ${client}` })
    // 10,000 client ids, 50 at a time: each batch appears, then is removed.
    for (let batch = 0; batch < 200; batch++) {
      const ids = Array.from({ length: 50 }, (_, i) => 10_000 + batch * 50 + i)
      link.receive(awarenessUpdate(ids.map(client => ({ client, clock: 1, state: state(client) }))))
      link.receive(awarenessUpdate(ids.map(client => ({ client, clock: 2, state: null }))))
    }
    // Removals of ids never seen leave a record too.
    for (let batch = 0; batch < 40; batch++) link.receive(awarenessUpdate(Array.from({ length: 250 }, (_, i) => ({ client: 100_000 + batch * 250 + i, clock: 1, state: null }))))
    expect(records(p).size).toBeLessThanOrEqual(1 + 256)
    expect(p.others()).toEqual([])
    expect(() => link.receive(awarenessUpdate(Array.from({ length: 257 }, (_, i) => ({ client: 200_000 + i, clock: 1, state: null }))))).toThrow('more than 256 entries in one presence update')
    p.destroy()
  })

  it('still ignores a late update for a client just removed, and forgets the record after the awareness timeout', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      const p = new Presence({ member: 'AAAA', name: 'Ana' })
      const link = p.link(() => undefined)
      const cy = { member: 'CCCC', name: 'Cy Park' }
      link.receive(awarenessUpdate([{ client: 7, clock: 3, state: cy }]))
      link.receive(awarenessUpdate([{ client: 7, clock: 4, state: null }]))
      link.receive(awarenessUpdate([{ client: 7, clock: 3, state: cy }])) // arrives late, by another path
      expect(p.others()).toEqual([])
      expect(records(p).has(7)).toBe(true)
      vi.setSystemTime(Date.now() + outdatedTimeout + 1000)
      link.receive(awarenessUpdate([{ client: 8, clock: 1, state: { member: 'DDDD', name: 'Di Ho' } }]))
      expect(records(p).has(7)).toBe(false)
      expect(p.others().map(o => o.name)).toEqual(['Di Ho'])
      p.destroy()
    } finally {
      vi.useRealTimers()
    }
  })
})
