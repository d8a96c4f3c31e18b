import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MAX_LOG_UPDATES, MIN_LOG_BYTES, afterStore, loadedStats, needsCompaction } from '../../src/store/compaction.js'
import type { Store } from '../../src/store/index.js'
import { REMOTE } from '../../src/store/origins.js'
import { failWrites } from '../helpers/faults.js'
import { newStore, reopen } from '../helpers/store.js'

const stored = async (s: Store, doc: string) => (await s.ws.database.readUpdates(doc)).updates.length

/** A peer's copy of one of the store's documents, with the updates it makes from now on. */
async function peerCopy (s: Store, name: string): Promise<{ doc: Y.Doc, updates: Uint8Array[] }> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(await s.ws.docs.get(name)))
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  return { doc, updates }
}

/** Waits until the store's writer is idle (compaction runs when nothing is queued). */
async function idle (s: Store): Promise<void> {
  const docs = s.ws.docs as unknown as { writer?: Promise<void> }
  while (docs.writer) await docs.writer
}

describe('when a document is compacted', () => {
  it('once its log is as large as its merged state, or has many updates', () => {
    const base = { baseBytes: 100_000, updates: 0, bytes: 0 }
    expect(needsCompaction({ ...base, updates: 10, bytes: 99_999 })).toBe(false)
    expect(needsCompaction({ ...base, updates: 10, bytes: 100_000 })).toBe(true)
    expect(needsCompaction({ baseBytes: 10, updates: 10, bytes: MIN_LOG_BYTES - 1 })).toBe(false)
    expect(needsCompaction({ baseBytes: 10, updates: 10, bytes: MIN_LOG_BYTES })).toBe(true)
    expect(needsCompaction({ baseBytes: 10, updates: MAX_LOG_UPDATES, bytes: 10 })).toBe(true)
    expect(loadedStats([new Uint8Array(50), new Uint8Array(7), new Uint8Array(3)])).toEqual({ baseBytes: 50, updates: 2, bytes: 10 })
    expect(afterStore({ baseBytes: 0, updates: 0, bytes: 0 }, 40)).toEqual({ baseBytes: 40, updates: 0, bytes: 0 })
  })
})

describe('deliberate compaction', () => {
  it('keeps a long-running process\'s log short, with the state, history and activity log intact', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Harbor Imports' })
    const name = `account/${acc.id}`
    const doc = await s.ws.docs.get(name)
    let worst = 0
    for (let n = 0; n < 300; n++) {
      const edit = s.accounts.set(acc.id, { notes: `call ${n}: ${`talked about classification ${n}. `.repeat(60)}` })
      if (n % 3 === 0) await s.plan.items.add(acc.id, { title: `Item ${n}`, priority: 'low' })
      await edit
      const { bytes } = await s.ws.database.readUpdates(name)
      // What is stored stays within twice the merged state (plus the smallest log worth merging).
      worst = Math.max(worst, bytes / (2 * Y.encodeStateAsUpdate(doc).length + MIN_LOG_BYTES))
    }
    await idle(s)
    expect(worst).toBeLessThanOrEqual(1)
    expect(await stored(s, name)).toBeLessThan(300)
    const before = await s.accounts.show(acc.id)
    const log = await s.ws.log(acc.id)
    expect(log).toHaveLength(1 + 300 + 100)
    const again = await reopen(s)
    expect(await again.accounts.show(acc.id)).toEqual(before)
    expect(await again.ws.log(acc.id)).toEqual(log)
    await again.close()
  })

  // Issue 15, point 11: under sustained writes the queue is never idle; compaction must not wait for it.
  it('keeps the log bounded while the write queue never empties', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Busy Harbor' })
    const name = `account/${acc.id}`
    const doc = await s.ws.docs.get(name)
    const docs = s.ws.docs as unknown as { writer?: Promise<void> }
    const edits: Array<Promise<unknown>> = []
    let worst = 0
    let idleSeen = 0
    for (let n = 0; n < 1500; n++) {
      edits.push(s.accounts.set(acc.id, { notes: `call ${n}: ${`talked about valuation ${n}. `.repeat(40)}` }))
      if (n % 10 !== 9) continue
      // Let the writer store a batch, then queue more at once: it is never idle until the end.
      await new Promise(resolve => setImmediate(resolve))
      if (!docs.writer) idleSeen++
      if (n < 200) continue
      const { bytes } = await s.ws.database.readUpdates(name)
      worst = Math.max(worst, bytes / Y.encodeStateAsUpdate(doc).length)
    }
    await Promise.all(edits)
    expect(idleSeen).toBe(0)
    expect(worst).toBeGreaterThan(1) // the log did grow under load…
    expect(worst).toBeLessThanOrEqual(3) // …but within 3× the merged state (2.5× plus what one batch adds)
    await idle(s)
    await s.close()
  })

  it('compacts a document loaded with a long log (left by an older version or a kill)', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Harbor Imports' })
    const name = `account/${acc.id}`
    const { doc, updates } = await peerCopy(s, name)
    for (let n = 0; n < MAX_LOG_UPDATES + 20; n++) doc.getMap('profile').set('address', `${n} Dock Street`)
    const raw = await reopen(s)
    await raw.ws.database.storeUpdates(updates.map(update => ({ doc: name, update })))
    expect(await stored(raw, name)).toBeGreaterThan(MAX_LOG_UPDATES)
    await raw.accounts.show(acc.id) // loads it
    await idle(raw)
    expect(await stored(raw, name)).toBe(1)
    expect((await raw.accounts.show(acc.id)).profile.address).toBe(`${MAX_LOG_UPDATES + 19} Dock Street`)
    await raw.close()
  })

  it('leaves the stored updates as they were when the merged state cannot be written', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Harbor Imports' })
    const name = `account/${acc.id}`
    for (let n = 0; n < 60; n++) await s.accounts.set(acc.id, { notes: `note ${n} ${'x'.repeat(400)}` })
    await idle(s)
    const docs = s.ws.docs as unknown as { toCompact: Set<string>, startWriter: () => void }
    const count = await stored(s, name)
    const restore = failWrites(s)
    docs.toCompact.add(name)
    docs.startWriter()
    await idle(s)
    restore()
    expect(await stored(s, name)).toBe(count)
    expect(docs.toCompact.has(name)).toBe(true) // tried again at the next idle moment
    const before = await s.accounts.show(acc.id)
    const again = await reopen(s)
    expect(await again.accounts.show(acc.id)).toEqual(before)
    await again.close()
  })
})

describe('the write queue', () => {
  it('stores concurrent edits of many accounts in few batches, each edit resolving once it is stored', async () => {
    const s = await newStore()
    const accounts = []
    for (let i = 0; i < 20; i++) accounts.push(await s.accounts.add({ name: `Account ${i}` }))
    const db = s.ws.database
    const storeUpdates = db.storeUpdates.bind(db)
    const batches: number[] = []
    db.storeUpdates = async (entries, local) => {
      await storeUpdates(entries, local)
      batches.push(entries.length)
    }
    let resolvedBeforeStored = 0
    await Promise.all(accounts.map(async (a, i) => {
      const before = batches.length
      await s.plan.items.add(a.id, { title: `Item ${i}`, priority: 'high', due: '2027-01-01' })
      if (batches.length === before) resolvedBeforeStored++
    }))
    expect(resolvedBeforeStored).toBe(0)
    expect(batches.length).toBeLessThan(accounts.length / 2)
    const again = await reopen(s)
    for (const a of accounts) expect((await again.plan.items.list(a.id))).toHaveLength(1)
    expect((await again.accounts.list()).every(r => r.openItems === 1 && r.nextDue === '2027-01-01')).toBe(true)
    await again.close()
  })

  it('merges a burst of a peer\'s updates to one document into one stored update', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Harbor Imports' })
    const name = `account/${acc.id}`
    const { doc: peer, updates } = await peerCopy(s, name)
    for (let n = 0; n < 200; n++) peer.getArray('log').push([{ at: '2026-01-01T00:00:00.000Z', by: 'peer', byName: 'Peer', action: 'note', summary: `note ${n}` }])
    const doc = await s.ws.docs.get(name)
    const count = await stored(s, name)
    for (const u of updates) Y.applyUpdate(doc, u, REMOTE)
    await s.ws.flush()
    expect(await stored(s, name)).toBeLessThanOrEqual(count + 2)
    expect(await s.ws.log(acc.id)).toHaveLength(201)
    await s.close()
  })

  it('rejects every edit whose write failed, and stores them all, in order, once writing works again', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Harbor Imports' })
    const restore = failWrites(s)
    const results = await Promise.allSettled([
      s.plan.items.add(acc.id, { title: 'First', priority: 'high' }),
      s.plan.items.add(acc.id, { title: 'Second', priority: 'high' }),
      s.contacts.add(acc.id, { name: 'Lee Park', side: 'account' })
    ])
    expect(results.map(r => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
    expect(results.map(r => (r as PromiseRejectedResult).reason.message)).toEqual(Array(3).fill(expect.stringMatching(/^the disk is full: the change was not saved; free some space and try again$/)))
    restore()
    await s.ws.flush()
    const again = await reopen(s)
    const shown = await again.accounts.show(acc.id)
    expect(shown.plan.items.map(i => i.title).sort()).toEqual(['First', 'Second'])
    expect(shown.contacts.map(c => c.name)).toEqual(['Lee Park'])
    expect((await again.accounts.list())[0]).toMatchObject({ openItems: 2 })
    await again.close()
  })
})
