import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Store } from '../../src/store/index.js'
import { REMOTE } from '../../src/store/origins.js'
import { accountDocName } from '../../src/store/schema.js'
import { newStore, syncStores, teamClock } from '../helpers/store.js'

/** Gives each replica's copy of the account document a fixed Yjs client id (so which write wins is fixed). */
async function fixClients (accountId: string, stores: Array<[Store, number]>): Promise<void> {
  for (const [s, id] of stores) (await s.ws.docs.get(accountDocName(accountId))).clientID = id
}

/** Sends `from`'s account document to `to` only (one direction of a sync). */
async function send (from: Store, to: Store, accountId: string): Promise<void> {
  const a = await from.ws.docs.get(accountDocName(accountId))
  const b = await to.ws.docs.get(accountDocName(accountId))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), REMOTE)
  await to.ws.flush()
}

async function team (n: number) {
  const names = ['Ana Lima', 'Bo Chen', 'Cy Diaz']
  // Edits stamped apart, in the order they are made: concurrent ones in one millisecond would sort by random member ids.
  const now = teamClock()
  const stores = await Promise.all(names.slice(0, n).map(name => newStore(name, { now })))
  const acc = await stores[0]!.accounts.add({ name: 'Shared Harbor Co', iors: ['11-2223334'] })
  for (const s of stores.slice(1)) await syncStores(stores[0]!, s)
  return { stores, id: acc.id }
}

const shape = (groups: Awaited<ReturnType<Store['conflicts']['list']>>) =>
  groups.flatMap(g => g.conflicts.map(c => ({ id: c.id, field: c.field, kept: [c.kept.text, c.kept.byName], replaced: [c.replaced.text, c.replaced.byName] })))

describe('conflicts from concurrent writes', () => {
  for (const [ca, cb] of [[1, 2], [2, 1]] as const) {
    it(`records the same conflict on both replicas (client ids ${ca}, ${cb}), whichever update arrives first`, async () => {
      const { stores: [a, b], id } = await team(2)
      await fixClients(id, [[a!, ca], [b!, cb]])
      await a!.accounts.set(id, { address: '1 Ana Street' })
      await b!.accounts.set(id, { address: '2 Bo Avenue' })
      if (ca === 1) { await send(a!, b!, id); await send(b!, a!, id) } else { await send(b!, a!, id); await send(a!, b!, id) }
      const seenA = shape(await a!.conflicts.list())
      expect(seenA).toEqual(shape(await b!.conflicts.list()))
      expect(seenA).toHaveLength(1)
      // Yjs keeps the write of the higher client id.
      const [winner, loser] = cb > ca ? [['2 Bo Avenue', 'Bo Chen'], ['1 Ana Street', 'Ana Lima']] : [['1 Ana Street', 'Ana Lima'], ['2 Bo Avenue', 'Bo Chen']]
      expect(seenA[0]).toMatchObject({ field: 'address', kept: winner, replaced: loser })
      expect((await a!.accounts.show(id)).profile.address).toBe(winner[0])
      expect((await a!.ws.log(id)).some(e => e.action === 'conflict' && e.summary.includes(loser[0]!))).toBe(true)
      expect(await a!.ws.log(id)).toEqual(await b!.ws.log(id))
      await a!.close(); await b!.close()
    })
  }

  it('calls a sequential overwrite (B saw A\'s value) no conflict', async () => {
    const { stores: [a, b], id } = await team(2)
    await fixClients(id, [[a!, 2], [b!, 1]])
    await a!.accounts.set(id, { address: '1 Ana Street' })
    await syncStores(a!, b!)
    await b!.accounts.set(id, { address: '2 Bo Avenue' })
    await b!.checklist.set(id, 'compliance.B', 'yes')
    await syncStores(a!, b!)
    await a!.checklist.set(id, 'compliance.B', 'na', 'broker files')
    await syncStores(a!, b!)
    expect(await a!.conflicts.list()).toEqual([])
    expect(await b!.conflicts.list()).toEqual([])
    expect((await b!.accounts.show(id)).profile.address).toBe('2 Bo Avenue')
    await a!.close(); await b!.close()
  })

  it('finds checklist answers, plan-item and contact fields in conflict; equal values are none', async () => {
    const { stores: [a, b], id } = await team(2)
    const item = await a!.plan.items.add(id, { title: 'Audit', priority: 'high' })
    const contact = await a!.contacts.add(id, { name: 'Jo Park', side: 'account' })
    await syncStores(a!, b!)
    await fixClients(id, [[a!, 10], [b!, 20]])
    await a!.checklist.set(id, 'compliance.B', 'yes')
    await b!.checklist.set(id, 'compliance.B', 'na', 'no entries')
    await a!.plan.items.set(id, item.id, { due: '2027-03-01' })
    await b!.plan.items.set(id, item.id, { due: '2027-04-01' })
    await a!.contacts.set(id, contact.id, { phone: '555-0100' })
    await b!.contacts.set(id, contact.id, { phone: '555-0199' })
    await a!.accounts.set(id, { leadPort: 'Savannah' })
    await b!.accounts.set(id, { leadPort: 'Savannah' })
    await syncStores(a!, b!)
    const fields = shape(await a!.conflicts.list()).map(c => c.field).sort()
    expect(fields).toEqual(['checklist.compliance.B', `contacts.${contact.id}.phone`, `items.${item.id}.due`])
    expect(shape(await b!.conflicts.list())).toEqual(shape(await a!.conflicts.list()))
    await a!.close(); await b!.close()
  })

  it('finds a CIP action step\'s field in conflict and keeps its history under the step\'s own name', async () => {
    const { stores: [a, b], id } = await team(2)
    const cip = await a!.cips.add(id, { deficiency: 'Valuation' })
    const step = await a!.cips.steps.add(id, cip.id, { action: 'Train staff' })
    await syncStores(a!, b!)
    await fixClients(id, [[a!, 40], [b!, 41]])
    await a!.cips.steps.set(id, cip.id, step.id, { department: 'Compliance' })
    await b!.cips.steps.set(id, cip.id, step.id, { department: 'Logistics' })
    await syncStores(a!, b!)
    const seen = shape(await a!.conflicts.list())
    expect(seen).toEqual([expect.objectContaining({ field: `cipSteps.${step.id}.department`, kept: ['Logistics', 'Bo Chen'], replaced: ['Compliance', 'Ana Lima'] })])
    expect(shape(await b!.conflicts.list())).toEqual(seen)
    const history = await a!.changes.history(id, `cipSteps.${step.id}.department`)
    expect(history.map(h => [h.byName, h.to])).toEqual([['Ana Lima', 'Compliance'], ['Bo Chen', 'Logistics']])
    expect(history[0]!.label).toBe('Responsible department')
    await a!.close(); await b!.close()
  })

  it('puts the conflict line after the edits it reports when both were stamped in the same millisecond', async () => {
    const instant = new Date('2026-12-01T09:00:00.000Z')
    const now = () => new Date(instant)
    const [a, b] = await Promise.all([newStore('Ana Lima', { now }), newStore('Bo Chen', { now })])
    const { id } = await a.accounts.add({ name: 'Shared Harbor Co', iors: ['11-2223334'] })
    await syncStores(a, b)
    await fixClients(id, [[a, 60], [b, 61]])
    // Each edit's place in the log is moved 1 ms past the entries its author had seen (the clock stands still).
    await a.accounts.set(id, { address: '1 Ana Street' })
    await b.accounts.set(id, { address: '2 Bo Avenue' })
    await syncStores(a, b)
    for (const s of [a, b]) {
      const actions = (await s.ws.log(id)).map(e => e.action)
      expect(actions.at(-1)).toBe('conflict')
      const steps = (await s.changes.history(id, 'address')).map(h => h.to ?? 'conflict')
      expect(steps.at(-1)).toBe('conflict')
      expect(steps.slice(0, 2).sort()).toEqual(['1 Ana Street', '2 Bo Avenue'])
    }
    await a.close(); await b.close()
  })

  it('finds a directory field (lead port) in conflict, and resolving it on one member closes it on both', async () => {
    const { stores: [a, b], id } = await team(2)
    for (const [s, client] of [[a!, 50], [b!, 51]] as const) (await s.ws.docs.get('workspace')).clientID = client
    await a!.accounts.set(id, { leadPort: 'Savannah' })
    await b!.accounts.set(id, { leadPort: 'Norfolk' })
    await syncStores(a!, b!)
    const seen = shape(await a!.conflicts.list())
    // Yjs keeps the write of the higher client id: Bo's.
    expect(seen).toEqual([expect.objectContaining({ field: 'leadPort', kept: ['Norfolk', 'Bo Chen'], replaced: ['Savannah', 'Ana Lima'] })])
    expect(shape(await b!.conflicts.list())).toEqual(seen)
    expect((await a!.accounts.list()).find(r => r.id === id)?.conflicts).toBe(1)
    expect((await a!.ws.log(id)).some(e => e.action === 'conflict' && e.summary.includes('Savannah'))).toBe(true)

    await b!.conflicts.resolve(seen[0]!.id, 'replaced')
    await syncStores(a!, b!)
    for (const s of [a!, b!]) {
      expect(await s.conflicts.list()).toEqual([])
      expect((await s.accounts.show(id)).leadPort).toBe('Savannah')
    }
    const history = await a!.changes.history(id, 'leadPort')
    expect(history.map(h => [h.byName, h.to])).toEqual([['Ana Lima', 'Savannah'], ['Bo Chen', 'Norfolk'], ['Bo Chen', 'Savannah']])
    await a!.close(); await b!.close()
  })

  it('keeps the conflict across a restart and syncs it to a third member; resolving on one closes it on all', async () => {
    const { stores: [a, b, c], id } = await team(3)
    await fixClients(id, [[a!, 5], [b!, 6], [c!, 7]])
    await a!.accounts.set(id, { address: '1 Ana Street' })
    await b!.accounts.set(id, { address: '2 Bo Avenue' })
    await syncStores(a!, b!)
    const before = shape(await a!.conflicts.list())
    expect(before).toHaveLength(1)
    const home = a!.ws.paths.root
    await a!.close()
    const a2 = await Store.open(home)
    expect(shape(await a2.conflicts.list())).toEqual(before)
    await syncStores(a2, c!)
    expect(shape(await c!.conflicts.list())).toEqual(before)

    const resolved = await b!.conflicts.resolve(before[0]!.id, { value: '3 Shared Road' })
    expect(resolved.open).toBe(false)
    await syncStores(b!, c!)
    await syncStores(c!, a2)
    for (const s of [a2, b!, c!]) {
      expect(await s.conflicts.list()).toEqual([])
      expect((await s.accounts.show(id)).profile.address).toBe('3 Shared Road')
      expect((await s.ws.log(id)).some(e => e.action === 'conflict.resolve')).toBe(true)
    }
    await a2.close(); await b!.close(); await c!.close()
  })

  it('three members writing one field apart: every replica sees the same conflicts, whatever the sync order', async () => {
    const { stores: [a, b, c], id } = await team(3)
    await fixClients(id, [[a!, 31], [b!, 32], [c!, 33]])
    await a!.accounts.set(id, { address: 'A' })
    await b!.accounts.set(id, { address: 'B' })
    await c!.accounts.set(id, { address: 'C' })
    await send(b!, a!, id); await send(c!, a!, id) // a: B then C
    await send(c!, b!, id); await send(a!, b!, id) // b: C then A
    await send(a!, c!, id) // c: everything at once
    await syncStores(a!, b!); await syncStores(b!, c!); await syncStores(a!, c!)
    const seen = shape(await a!.conflicts.list())
    expect(seen.map(s => s.replaced[0]).sort()).toEqual(['A', 'B'])
    expect(seen.every(s => s.kept[0] === 'C')).toBe(true)
    expect(shape(await b!.conflicts.list())).toEqual(seen)
    expect(shape(await c!.conflicts.list())).toEqual(seen)
    await a!.close(); await b!.close(); await c!.close()
  })

  it('merges concurrent long-text edits without a conflict, and logs that both edited it', async () => {
    const { stores: [a, b], id } = await team(2)
    await a!.accounts.set(id, { structure: 'The account has two divisions.' })
    await syncStores(a!, b!)
    await a!.accounts.set(id, { structure: 'The account has two autonomous divisions.' })
    await b!.accounts.set(id, { structure: 'The account has two divisions. Customs business is central.' })
    await syncStores(a!, b!)
    expect(await a!.conflicts.list()).toEqual([])
    const log = await a!.ws.log(id)
    expect(log.filter(e => e.action === 'concurrent-text').map(e => e.summary)).toEqual([expect.stringMatching(/Corporate structure: .* edited it at the same time/)])
    expect(log).toEqual(await b!.ws.log(id))
    await a!.close(); await b!.close()
  })
})

describe('unseen changes', () => {
  it('counts the others\' changes since each member\'s own mark, and the marks survive a restart', async () => {
    const { stores: [a, b], id } = await team(2)
    await a!.accounts.show(id, { markSeen: true })
    await b!.accounts.show(id, { markSeen: true })
    await b!.accounts.set(id, { leadPort: 'Savannah' })
    await b!.plan.items.add(id, { title: 'Item from Bo', priority: 'low' })
    await a!.accounts.set(id, { address: '1 Ana Street' })
    await syncStores(a!, b!)
    expect((await a!.accounts.list({ unseen: true })).find(r => r.id === id)?.unseen).toBe(2)
    expect((await b!.accounts.list({ unseen: true })).find(r => r.id === id)?.unseen).toBe(1)
    const [changes] = await a!.changes.list()
    expect(changes!.changes.map(c => [c.byName, c.kind])).toEqual([['Bo Chen', 'added'], ['Bo Chen', 'changed']])
    expect(changes!.changes[1]).toMatchObject({ field: 'leadPort', to: 'Savannah' })

    const home = a!.ws.paths.root
    await a!.close()
    const a2 = await Store.open(home)
    expect((await a2.accounts.list({ unseen: true })).find(r => r.id === id)?.unseen).toBe(2)
    expect(await a2.changes.markSeen()).toBe(1)
    expect((await a2.accounts.list({ unseen: true })).find(r => r.id === id)?.unseen).toBe(0)
    expect(await a2.changes.list()).toEqual([])
    expect((await b!.accounts.list({ unseen: true })).find(r => r.id === id)?.unseen).toBe(1)
    await a2.close(); await b!.close()
  })

  it('counts no unseen changes on an account this member has never opened', async () => {
    const { stores: [a, b], id } = await team(2)
    await b!.accounts.set(id, { leadPort: 'Savannah' })
    await syncStores(a!, b!)
    expect((await a!.accounts.list({ unseen: true })).find(r => r.id === id)?.unseen).toBe(0)
    expect(await a!.changes.list()).toEqual([])
    // Asked by name, it still lists what the others did.
    expect((await a!.changes.list(id))[0]!.changes.map(c => c.field)).toContain('leadPort')
    await a!.close(); await b!.close()
  })

  it('lists a field\'s history, oldest first', async () => {
    const { stores: [a, b], id } = await team(2)
    await a!.accounts.set(id, { address: 'One' })
    await syncStores(a!, b!)
    await b!.accounts.set(id, { address: 'Two' })
    await syncStores(a!, b!)
    const h = await a!.changes.history(id, 'address')
    expect(h.map(e => [e.byName, e.from, e.to])).toEqual([['Ana Lima', undefined, 'One'], ['Bo Chen', 'One', 'Two']])
    await a!.close(); await b!.close()
  })

  it('lists an entry\'s history: every field of one plan item, none of another\'s', async () => {
    const { stores: [a, b], id } = await team(2)
    const audit = await a!.plan.items.add(id, { title: 'Audit', priority: 'high' })
    const other = await a!.plan.items.add(id, { title: 'Train', priority: 'low' })
    await syncStores(a!, b!)
    await b!.plan.items.set(id, audit.id, { due: '2027-04-01', owner: 'Bo' })
    await a!.plan.items.set(id, other.id, { due: '2027-05-01' })
    await syncStores(a!, b!)
    const h = await a!.changes.history(id, `items.${audit.id}`)
    expect(h.every(e => e.field?.startsWith(`items.${audit.id}.`))).toBe(true)
    expect(h.filter(e => e.byName === 'Bo Chen').map(e => [e.label, e.to])).toEqual([['Responsible party', 'Bo'], ['Due date', '2027-04-01']])
    expect(h.map(e => e.to)).toContain('Audit')
    await a!.close(); await b!.close()
  })
})
