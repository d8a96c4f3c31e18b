/**
 * What a peer node knows of each peer it has met, and the status it shows (`pat sync status`, the app's
 * status bar): every peer met, whether connected, when last in sync, and how many local updates it has not
 * had yet. What is known starts from the peer book (peer/book.ts: the addresses and last syncs of earlier
 * runs), and each completed sync is written back to it.
 *
 * "Pending" is counted while the node runs: every change to a document counts for each known peer that was
 * not handed it — one not connected, or connected but not yet in sync and not the change's sender. A
 * connected peer in sync gets changes as they happen, so it shows none.
 */
import type { Store } from '../../store/index.js'
import { PeerBook } from './book.js'
import type { LiveSession } from './sessions.js'

export interface PeerStatus {
  id: string
  name: string
  address?: string
  connected: boolean
  lastSync?: string
  /** Local updates this peer has not had yet; null when no node has been counting (nothing runs). */
  pending: number | null
}

export interface NodeStatus { member: { id: string, name: string }, listening?: string, peers: PeerStatus[] }

/** One peer met: the address that reached it, when it was last in sync, the updates it has not had. */
export interface KnownPeer { address?: string, lastSync?: string, pending: number }

export class PeerStatusBoard {
  private readonly known = new Map<string, KnownPeer>()
  private readonly listeners = new Set<() => void>()
  private readonly book: PeerBook

  constructor (private readonly store: Store) {
    this.book = new PeerBook(store.ws.paths.peers)
  }

  /** Reads what earlier runs learnt of peers (the peer book). */
  async load (): Promise<void> {
    for (const p of await this.book.list()) this.known.set(p.id, { ...(p.address ? { address: p.address } : {}), ...(p.lastSync ? { lastSync: p.lastSync } : {}), pending: 0 })
  }

  /** What was wrong with the peer book when it was read, if it was found damaged and kept aside. */
  get bookNotice (): string | undefined { return this.book.notice }

  /** The remembered addresses of the peers met. */
  addresses (): string[] {
    return [...this.known.values()].flatMap(k => k.address ? [k.address] : [])
  }

  /** A session with `peerId` has started, through `address` when this node dialled it. */
  met (peerId: string, address?: string): KnownPeer {
    const known = this.known.get(peerId) ?? { pending: 0 }
    if (address) known.address = address
    this.known.set(peerId, known)
    return known
  }

  /** A session with `peerId` has come into sync: noted here and in the peer book. */
  synced (peerId: string, known: KnownPeer, address?: string): void {
    const now = new Date().toISOString()
    Object.assign(known, { lastSync: now, pending: 0 })
    void this.book.update(peerId, { name: this.nameOf(peerId), lastSeen: now, lastSync: now, ...(address ? { address } : {}) })
    this.changed()
  }

  /** A document changed (with `origin`): one more pending update for each peer not handed it. */
  countPending (origin: unknown, live: readonly LiveSession[]): void {
    for (const [id, k] of this.known) {
      const forwarded = live.some(l => l.peerId === id && (l.synced || l.session.origin === origin))
      if (!forwarded) k.pending++
    }
  }

  status (live: readonly LiveSession[], listening?: string): NodeStatus {
    const ids = new Set([...this.known.keys(), ...live.map(l => l.peerId)])
    return {
      member: { ...this.store.ws.member },
      ...(listening ? { listening } : {}),
      peers: [...ids].filter(id => id !== this.store.ws.member.id).map(id => this.peerStatus(id, live)).sort((a, b) => a.name.localeCompare(b.name))
    }
  }

  peerStatus (id: string, live: readonly LiveSession[]): PeerStatus {
    const k = this.known.get(id)
    const connected = live.find(l => l.peerId === id)
    return {
      id,
      name: this.nameOf(id),
      ...(connected?.address ?? k?.address ? { address: connected?.address ?? k?.address } : {}),
      connected: Boolean(connected),
      ...(k?.lastSync ? { lastSync: k.lastSync } : {}),
      pending: connected?.synced ? 0 : k?.pending ?? 0
    }
  }

  nameOf (id: string): string { return this.store.roster.get(id)?.name ?? id.slice(0, 8) }

  /** Calls back whenever the status may have changed. */
  onStatus (listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  changed (): void {
    for (const l of this.listeners) l()
  }

  /** Resolves when every note made in the peer book so far is written. */
  flush (): Promise<void> { return this.book.flush() }
}
