// Partitions and heals: 3 to 5 members edit the same accounts while cut off from each other — profile and
// directory fields, checklist answers (No/NA with its reason), plan items, contacts, removals, archiving,
// new accounts — through the store's own actions; then the partitions heal into random groups, in random
// order, with frames delivered out of order where the protocol allows it (helpers/sync.ts), some links cut
// mid-stream, and at the end everyone meets. Every replica must then show the same accounts and hold the
// same state vector for every document. Seeded (lib0/prng), so a failure replays with its seed, which is in
// the test name and in every assertion message (the Yjs applyRandomTests pattern). Conflicts are resolved by
// Yjs client ids, which the stores draw at random: a replay repeats every edit and delivery, not every winner.
// SYNC_SEEDS=1,2,… runs other seeds (a soak: SYNC_SEEDS=$(seq -s, 1000 1099)); a failing one is replayed the same way.
import * as prng from 'lib0/prng'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CHECKLIST_ITEMS, CONTACT_SIDES, InputError, PRIORITIES, STAGES } from '../../src/domain/index.js'
import { Store } from '../../src/store/index.js'
import { SyncSession, type SyncTarget } from '../../src/sync/session.js'
import { Network, replicaState } from '../helpers/sync.js'
import { newStore, syncStores } from '../helpers/store.js'
import { joinedStore } from '../helpers/team.js'

type Gen = prng.PRNG

const words = (gen: Gen) => Array.from({ length: prng.int32(gen, 1, 3) }, () => prng.word(gen, 3, 8)).join(' ')
const date = (gen: Gen) => `2026-${String(prng.int32(gen, 1, 12)).padStart(2, '0')}-${String(prng.int32(gen, 1, 28)).padStart(2, '0')}`
const pick = <T>(gen: Gen, list: readonly T[]): T | undefined => list.length ? prng.oneOf(gen, list as T[]) : undefined

/** One member action on an account, chosen and filled in from the PRNG; refers only to what this replica has. */
const EDITS: Array<(s: Store, acc: string, gen: Gen) => Promise<unknown>> = [
  (s, acc, gen) => s.accounts.set(acc, prng.oneOf(gen, [
    () => ({ notes: words(gen) }), () => ({ address: words(gen) }), () => ({ leadPort: words(gen) }),
    () => ({ stage: prng.oneOf(gen, [...STAGES]) }), () => ({ importValue: prng.int32(gen, 0, 1e9) }), () => ({ profileReviewed: date(gen) })
  ])()),
  (s, acc, gen) => {
    const answer = prng.oneOf(gen, ['yes', 'no', 'na', 'clear'])
    return s.checklist.set(acc, prng.oneOf(gen, [...CHECKLIST_ITEMS]).key, answer, answer === 'no' || answer === 'na' ? `because ${words(gen)}` : undefined)
  },
  (s, acc, gen) => s.plan.items.add(acc, { title: words(gen), priority: prng.oneOf(gen, [...PRIORITIES]), due: date(gen) }),
  async (s, acc, gen) => {
    const item = pick(gen, await s.plan.items.list(acc))
    if (!item) return
    await prng.oneOf(gen, [
      () => s.plan.items.done(acc, item.id),
      () => s.plan.items.set(acc, item.id, { owner: words(gen), due: date(gen) }),
      () => s.plan.items.remove(acc, item.id)
    ])()
  },
  (s, acc, gen) => s.contacts.add(acc, { name: words(gen), side: prng.oneOf(gen, [...CONTACT_SIDES]), phone: `+1 555 0${prng.int32(gen, 100, 999)}` }),
  async (s, acc, gen) => {
    const contact = pick(gen, await s.contacts.list(acc))
    if (!contact) return
    await (prng.bool(gen) ? s.contacts.set(acc, contact.id, { role: words(gen), email: `${prng.word(gen, 3, 6)}@example.com` }) : s.contacts.remove(acc, contact.id))
  },
  (s, acc, gen) => s.plan.set(acc, { scope: words(gen), planDate: date(gen) }),
  (s, acc, gen) => s.accounts.archive(acc, prng.int32(gen, 0, 3) === 0)
]

/**
 * A random edit on a random account this replica knows; now and then a new account instead. While links
 * are open a peer's removal can land between choosing an entry and changing it: the action then refuses
 * with "unknown …", as it would a member at the keyboard.
 */
async function randomEdit (s: Store, gen: Gen): Promise<void> {
  const accounts = s.ws.accountIds()
  if (accounts.length === 0 || prng.int32(gen, 0, 24) === 0) {
    await s.accounts.add({ name: `${s.ws.member.name} ${prng.word(gen, 4, 8)}` })
    return
  }
  try {
    await prng.oneOf(gen, EDITS)(s, prng.oneOf(gen, accounts), gen)
  } catch (err) {
    if (!(err instanceof InputError && err.message.startsWith('unknown '))) throw err
  }
}

function shuffle<T> (gen: Gen, list: readonly T[]): T[] {
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = prng.int32(gen, 0, i)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** Heals a group: links along a random spanning tree, opened one by one in random order, frames flowing between. */
async function heal (net: Network, group: readonly Store[], gen: Gen): Promise<void> {
  const order = shuffle(gen, group)
  for (let i = 1; i < order.length; i++) {
    net.connect(order[i]!, order[prng.int32(gen, 0, i - 1)]!)
    await net.settle({ limit: prng.int32(gen, 0, 12) })
  }
}

/** Splits the peers into one to three random groups (a peer alone is a group too). */
function partition (peers: readonly Store[], gen: Gen): Store[][] {
  const groups: Store[][] = Array.from({ length: prng.int32(gen, 1, 3) }, () => [])
  for (const p of shuffle(gen, peers)) groups[prng.int32(gen, 0, groups.length - 1)]!.push(p)
  return groups.filter(g => g.length > 0)
}

/**
 * All replicas show the same and hold the same state vectors. `complete`: besides, no update is left
 * waiting for one it builds on — true once everyone has met. Within a group some may be: a link cut in an
 * earlier round can have delivered an update but not the one before it (a relayed update overtakes the
 * step 2 answer on the same wire, or frames were reordered), and only a member outside the group has that.
 */
async function expectConverged (peers: readonly Store[], why: string, complete: boolean): Promise<void> {
  const states = await Promise.all(peers.map(replicaState))
  const first = states[0]!
  states.forEach((state, i) => {
    if (complete) expect(state.pending, `${why}: updates left pending on replica ${i}`).toEqual([])
    if (i > 0) expect({ view: state.view, vectors: state.vectors }, `${why}: replica ${i} differs from replica 0`).toEqual({ view: first.view, vectors: first.vectors })
  })
}

describe('members editing while partitioned, then healing in random orders', () => {
  for (const seed of (process.env.SYNC_SEEDS ? process.env.SYNC_SEEDS.split(',').map(Number) : [1, 2, 3, 4, 5, 6])) {
    const members = 3 + (seed % 3)
    const reorder = seed % 2 === 0
    it(`${members} members converge to identical replicas (seed ${seed}${reorder ? ', frames reordered' : ''})`, async () => {
      const gen = prng.create(seed)
      const net = new Network(gen, { reorder })
      const peers: Store[] = []
      // One team: an owner and editors who joined it (their roster-checked sessions are what is tested).
      peers.push(await newStore('Member 0'))
      for (let i = 1; i < members; i++) peers.push(await joinedStore(peers[0]!, `Member ${i}`, 'editor'))
      for (const p of peers.slice(1)) await syncStores(peers[0]!, p) // everyone knows everyone (the full roster)
      try {
        for (let i = 0; i < 2; i++) {
          const acc = await peers[0]!.accounts.add({ name: `Shared Harbor ${i}` })
          await peers[0]!.contacts.add(acc.id, { name: 'Lee Park', side: 'account' })
          await peers[0]!.plan.items.add(acc.id, { title: 'Review entries', priority: 'high' })
        }
        await heal(net, peers, gen)
        await net.settle()
        net.cutAll()

        for (let round = 0; round < 4; round++) {
          for (const p of shuffle(gen, peers)) {
            for (let e = prng.int32(gen, 3, 10); e > 0; e--) await randomEdit(p, gen)
          }
          const groups = partition(peers, gen)
          for (const g of groups) await heal(net, g, gen)
          for (let e = 0; e < 6; e++) { // live edits while the groups sync
            await randomEdit(prng.oneOf(gen, peers), gen)
            await net.settle({ limit: prng.int32(gen, 0, 20) })
          }
          if (prng.int32(gen, 0, 2) === 0) { // the network fails before the groups are done
            await net.settle({ limit: prng.int32(gen, 0, 30) })
          } else {
            await net.settle()
            for (const l of net.links) expect(l.synced(), `seed ${seed} round ${round}: a link never said synced`).toBe(true)
            for (const g of groups) await expectConverged(g, `seed ${seed} round ${round}`, false)
          }
          net.cutAll()
        }

        await heal(net, peers, gen)
        await net.settle()
        expect(net.errors, `seed ${seed}`).toEqual([])
        await expectConverged(peers, `seed ${seed}`, true)
        const state = await replicaState(peers[0]!)
        expect(state.view.accounts.length, `seed ${seed}`).toBeGreaterThanOrEqual(2)
      } finally {
        net.cutAll()
        for (const p of peers) await p.close()
      }
    }, 20_000)
  }
})

/** Every document of both replicas merged into one update each: what both must hold once nothing is lost. */
async function merged (a: Store, b: Store): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>()
  for (const name of new Set([...await a.ws.docs.storedNames(), ...await b.ws.docs.storedNames()])) {
    out.set(name, Y.mergeUpdates([Y.encodeStateAsUpdate(await a.ws.docs.get(name)), Y.encodeStateAsUpdate(await b.ws.docs.get(name))]))
  }
  return out
}

/**
 * Whether `doc` holds everything in `update`: adding it changes nothing. (The replica may hold more than
 * the two replicas had before they met: the conflict records a merge writes, store/conflicts.ts.)
 */
function holds (doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc({ gc: false })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const before = Y.snapshot(copy)
  Y.applyUpdate(copy, update)
  const same = Y.equalSnapshots(before, Y.snapshot(copy))
  copy.destroy()
  return same
}

describe('a connection cut mid-stream', () => {
  for (const seed of [7, 8]) {
    it(`loses nothing: after a restart and a reconnect both replicas hold everything (seed ${seed})`, async () => {
      const gen = prng.create(seed)
      const net = new Network(gen, { reorder: seed % 2 === 0 })
      const a = await newStore('Ana')
      let b = await joinedStore(a, 'Bo', 'editor')
      try {
        await randomEdit(a, gen)
        net.connect(a, b)
        await net.settle()
        net.cutAll()
        for (let attempt = 0; attempt < 3; attempt++) {
          for (let e = 0; e < 30; e++) await randomEdit(a, gen)
          for (let e = 0; e < 10; e++) await randomEdit(b, gen)
          const expected = await merged(a, b)
          const link = net.connect(a, b)
          const delivered = await net.settle({ limit: prng.int32(gen, 1, 25) })
          const why = `seed ${seed} attempt ${attempt}: cut after ${delivered} of ${link.sent.frames}+ frames`
          link.cut()
          expect(net.errors, why).toEqual([])
          const home = b.ws.paths.root
          await b.close() // what arrived before the cut must be on disk
          b = await Store.open(home)
          net.connect(a, b)
          await net.settle()
          for (const s of [a, b]) {
            for (const [name, update] of expected) {
              expect(holds(await s.ws.docs.get(name), update), `${why}: ${name} on ${s.ws.member.name}`).toBe(true)
            }
          }
          await expectConverged([a, b], why, true)
          net.cutAll()
        }
      } finally {
        net.cutAll()
        await a.close(); await b.close()
      }
    }, 20_000)
  }
})

/** A replica of plain Y.Docs with a fixed client id, as a sync target. */
function replica (clientID: number) {
  const docs = new Map<string, Y.Doc>()
  const listeners = new Set<(name: string) => void>()
  const doc = (name: string) => {
    let d = docs.get(name)
    if (!d) {
      d = new Y.Doc()
      d.clientID = clientID
      d.on('update', () => { for (const l of listeners) l(name) })
      docs.set(name, d)
    }
    return d
  }
  const target: SyncTarget = {
    docNames: async () => [...docs.keys()],
    has: async name => docs.has(name),
    doc: async name => doc(name),
    onChange: l => { listeners.add(l); return () => listeners.delete(l) }
  }
  return { doc, target }
}

/** Two sessions whose frames wait on two queues until delivered by hand. */
function handLink (x: SyncTarget, y: SyncTarget) {
  const toX: Uint8Array[] = []
  const toY: Uint8Array[] = []
  const sx = new SyncSession(x, f => toY.push(f))
  const sy = new SyncSession(y, f => toX.push(f))
  const drain = async (queue: Uint8Array[], to: SyncSession) => { while (queue.length) await to.receive(queue.shift()!) }
  return {
    start: () => Promise.all([sx.start(), sy.start()]),
    toX: () => drain(toX, sx),
    toY: () => drain(toY, sy),
    quiet: () => toX.length === 0 && toY.length === 0,
    close: () => { sx.close(); sy.close() }
  }
}

describe('a relay that receives an update before what it builds on', () => {
  it('passes it on to the peer whose step 2 completed it', async () => {
    const name = 'account/relayed'
    const [x, y, z] = [replica(3), replica(2), replica(1)]
    const base = new Y.Doc()
    base.clientID = 1
    base.getMap('profile').set('notes', 'base')
    for (const r of [y, z]) Y.applyUpdate(r.doc(name), Y.encodeStateAsUpdate(base))
    const xy = handLink(x.target, y.target) // X relays between Y and Z and holds nothing yet
    const xz = handLink(x.target, z.target)
    await xy.start(); await xz.start()
    y.doc(name).getMap('profile').set('notes', 'edited by Y') // forwarded to X at once; builds on the base

    await xz.toX() // Z's step 1: X lacks the document, asks Z for it and answers (nothing)
    await xy.toX() // Y's step 1 and the live edit, which X holds as pending: it lacks the base
    await xz.toY() // X's step 1 reaches Z, which answers with the base
    await xz.toX() // the base completes the pending edit at X, in a transaction from Z's session
    for (let i = 0; i < 10 && !(xy.quiet() && xz.quiet()); i++) {
      await xy.toX(); await xy.toY(); await xz.toX(); await xz.toY()
    }

    for (const r of [x, z]) expect(r.doc(name).getMap('profile').get('notes')).toBe('edited by Y')
    expect(Y.encodeStateVector(z.doc(name))).toEqual(Y.encodeStateVector(y.doc(name)))
    xy.close(); xz.close()
  })
})
