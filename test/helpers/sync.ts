// Peers syncing in memory for sync tests: a SyncTarget over a store's documents, and a simulated network
// of links between stores — each link is two SyncSessions joined by two one-way wires of whole frames.
// The network delivers frames when told to (`settle`), picking the wire at random from a seeded PRNG and,
// with `reorder`, taking a frame from a small window at the head of the wire instead of the head itself.
// Signals (DOCS_END, SYNCED) are barriers — never delivered before a frame sent earlier on their wire —
// since they vouch for what came before them; SYNC frames may pass each other, and Yjs holds an update
// whose dependencies have not arrived yet as pending until they do. A link can be cut mid-stream: frames
// not yet delivered are dropped and both sessions close, as when a connection drops.
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import { workspaceSyncTarget, type Store } from '../../src/store/index.js'
import { FRAME, readFrame } from '../../src/sync/frames.js'
import { SyncSession, type SyncTarget } from '../../src/sync/session.js'

/**
 * The store's documents as the peer node offers them, to a peer with the owner's rights: each test store
 * is its own team's owner, so the roster checks every update and refuses none — these tests are about
 * convergence, not roles.
 */
/** `s`'s documents as a session with `peer` sees them: what `peer` may change follows its role in s's roster. */
export function storeTarget (s: Store, peer: Store): SyncTarget {
  return workspaceSyncTarget(s.ws, () => s.roster.role(peer.ws.member.id))
}

interface Wire { to: SyncSession, frames: Uint8Array[] }

export interface Link {
  readonly a: Store
  readonly b: Store
  /** Both sessions have said they are up to date. */
  readonly synced: () => boolean
  /** Frames and bytes handed to the wires, in both directions. */
  readonly sent: { frames: number, bytes: number }
  /** Drops every frame not yet delivered and closes both sessions. */
  cut (): void
}

const REORDER_WINDOW = 4

export class Network {
  private readonly wires = new Set<Wire>()
  private readonly inflight = new Set<Promise<unknown>>()
  readonly links = new Set<Link>()
  /** Every error a session raised (a converging network has none). */
  readonly errors: Error[] = []

  constructor (private readonly gen: prng.PRNG, private readonly opts: { reorder?: boolean } = {}) {}

  /** Joins two stores: two sessions, started at once; frames flow on `settle`. */
  connect (a: Store, b: Store): Link {
    const sent = { frames: 0, bytes: 0 }
    let open = true
    const wireTo = (session: () => SyncSession): (frame: Uint8Array) => void => {
      let wire: Wire | undefined
      return frame => {
        if (!open) return
        wire ??= this.add({ to: session(), frames: [] })
        wire.frames.push(frame)
        sent.frames++
        sent.bytes += frame.length
      }
    }
    const sa: SyncSession = new SyncSession(storeTarget(a, b), wireTo(() => sb))
    const sb: SyncSession = new SyncSession(storeTarget(b, a), wireTo(() => sa))
    let synced = false
    void Promise.all([sa.synced, sb.synced]).then(() => { synced = true })
    const link: Link = {
      a,
      b,
      sent,
      synced: () => synced,
      cut: () => {
        open = false
        for (const w of this.wires) if (w.to === sa || w.to === sb) this.wires.delete(w)
        sa.close(); sb.close()
        this.links.delete(link)
      }
    }
    this.links.add(link)
    this.track(sa.start())
    this.track(sb.start())
    return link
  }

  /** Closes every link (frames still on the wires are dropped). */
  cutAll (): void {
    for (const l of [...this.links]) l.cut()
  }

  /**
   * Delivers frames until none is on the way and every session is idle (or `limit` frames were delivered),
   * yielding to the event loop now and then so that sessions answer while other frames are still in flight.
   */
  async settle (opts: { limit?: number, timeoutMs?: number } = {}): Promise<number> {
    const deadline = Date.now() + (opts.timeoutMs ?? 8000)
    let delivered = 0
    for (;;) {
      if (Date.now() > deadline) throw new Error(`the network did not settle: ${this.pending()} frames on the wires, ${this.inflight.size} frames being handled`)
      if (opts.limit !== undefined && delivered >= opts.limit) return delivered
      const wire = this.pickWire()
      if (wire) {
        this.deliver(wire)
        delivered++
        if (prng.bool(this.gen)) await tick()
        continue
      }
      await Promise.allSettled([...this.inflight])
      await tick() // a session offers a document that changed locally from a queued task
      if (this.inflight.size === 0 && this.pending() === 0) return delivered
    }
  }

  private add (wire: Wire): Wire {
    this.wires.add(wire)
    return wire
  }

  private pending (): number {
    let n = 0
    for (const w of this.wires) n += w.frames.length
    return n
  }

  private pickWire (): Wire | undefined {
    const busy = [...this.wires].filter(w => w.frames.length > 0)
    return busy.length ? prng.oneOf(this.gen, busy) : undefined
  }

  private deliver (wire: Wire): void {
    let index = 0
    if (this.opts.reorder) {
      let movable = 0 // SYNC frames ahead of the first signal, within the window
      while (movable < Math.min(REORDER_WINDOW, wire.frames.length) && readFrame(wire.frames[movable]!).type === FRAME.SYNC) movable++
      if (movable > 0) index = prng.int32(this.gen, 0, movable - 1)
    }
    const [frame] = wire.frames.splice(index, 1)
    this.track(wire.to.receive(frame!))
  }

  private track (p: Promise<unknown>): void {
    const tracked = p.catch((err: Error) => { this.errors.push(err) }).finally(() => this.inflight.delete(tracked))
    this.inflight.add(tracked)
  }
}

const tick = () => new Promise(resolve => setTimeout(resolve, 0))

/**
 * What a member sees of a replica — the accounts list, every account in full with its activity log, the
 * roster — and the state vector of every stored document; `pending`: the documents in which Yjs holds
 * updates it cannot apply yet (they wait for one they build on).
 */
export async function replicaState (s: Store) {
  await s.ws.flush()
  const accounts = await s.accounts.list()
  const shown = []
  for (const a of accounts) shown.push({ ...(await s.accounts.show(a.id)), log: await s.ws.log(a.id) })
  const vectors: Record<string, Record<string, number>> = {}
  const pending: string[] = []
  for (const name of (await s.ws.docs.storedNames()).sort()) {
    const doc = await s.ws.docs.get(name)
    const vector = [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((x, y) => x[0] - y[0])
    vectors[name] = Object.fromEntries(vector.map(([client, clock]) => [String(client), clock]))
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) pending.push(name)
  }
  return { view: { accounts, shown, members: s.ws.members() }, vectors, pending }
}
