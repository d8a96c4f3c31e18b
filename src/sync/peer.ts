/**
 * A peer node: what `pat serve` and the app run to sync a workspace with the team. It listens for peers
 * (transport.ts), dials the peers it is told about or remembers (peer-book.ts) and keeps dialling a lost one
 * with bounded, jittered exponential backoff (backoff.ts) — also one that stopped answering keepalive pings
 * (transport.ts) — and runs one SyncSession per connection with the workspace as target
 * (store/sync-target.ts: what each member's role lets them change). A session that
 * breaks a rule ends alone, with its reason logged; the node keeps serving everyone else. When the roster
 * changes, sessions with members who are no longer in it end at once. New members arrive on the join path
 * (invite.ts), one at a time, so an invite cannot be spent twice by two racing joiners.
 *
 * Status (`status()`): every peer met, whether connected, when last in sync, and how many local updates it
 * has not had yet ("pending": counted while the node runs; a connected peer gets them as they happen).
 * Presence (presence.ts) rides on the same connections when a Presence is given.
 *
 * LAN discovery plugs in with `useDiscovery` (sync/discovery.ts: mDNS, announcing only a hash of the team
 * id): the node hands it the team and its port, and keeps connected to each peer it finds.
 */
import { networkInterfaces } from 'node:os'
import { InputError } from '../domain/index.js'
import { workspaceSyncTarget, type Store } from '../store/index.js'
import { urlOf } from './address.js'
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js'
import { FRAME, readFrame, writeAwareness, writeJoined } from './frames.js'
import { acceptJoin } from './invite.js'
import { PeerBook } from './peer-book.js'
import type { Presence, PresenceLink } from './presence.js'
import { SyncSession, type SessionLimits } from './session.js'
import { connect, listen, type Keepalive, type Listener, type PeerConnection, type TlsIdentity } from './transport.js'

/** How LAN discovery starts (the shape of `startDiscovery` in discovery.ts): it reports each peer it finds. */
export type StartDiscovery = (opts: {
  teamId: string
  port: number
  onPeer: (peer: { addresses: string[], port: number }) => void
  onError?: (err: Error) => void
}) => { close (): Promise<void> }

export interface PeerNodeOptions {
  store: Store
  tls: TlsIdentity
  /** Where to listen for peers; without it the node only dials (one-shot sync). */
  listen?: { host: string, port: number }
  presence?: Presence
  log?: (line: string) => void
  limits?: Partial<SessionLimits>
  backoff?: BackoffOptions
  connectTimeoutMs?: number
  /** How often connections are pinged, and after how many unanswered pings one is dropped (transport.ts). */
  keepalive?: Keepalive
}

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

interface Live {
  conn: PeerConnection
  peerId: string
  address?: string
  session: SyncSession
  synced: boolean
  closed: Promise<string>
  end (reason: string, tellPeer: boolean): void
}

interface Known { address?: string, lastSync?: string, pending: number }

const JOIN_TIMEOUT_MS = 10_000
const REFUSAL_WAIT_MS = 2000

export class PeerNode {
  private listener?: Listener
  private readonly live = new Set<Live>()
  private readonly known = new Map<string, Known>()
  private readonly dialers = new Map<string, { timer?: NodeJS.Timeout }>()
  private readonly statusListeners = new Set<() => void>()
  private readonly unsubscribe: Array<() => void> = []
  private readonly book: PeerBook
  private readonly refusedAt = new Map<string, number>()
  private joins: Promise<void> = Promise.resolve()
  private discovery?: { close (): Promise<void> }
  private stopped = false

  private constructor (private readonly opts: PeerNodeOptions) {
    this.book = new PeerBook(opts.store.ws.paths.peers)
  }

  static async start (opts: PeerNodeOptions): Promise<PeerNode> {
    const node = new PeerNode(opts)
    for (const p of await node.book.list()) node.known.set(p.id, { ...(p.address ? { address: p.address } : {}), ...(p.lastSync ? { lastSync: p.lastSync } : {}), pending: 0 })
    if (opts.listen) {
      node.listener = await listen({
        ...opts.listen,
        identity: opts.tls,
        authorize: id => node.authorize(id),
        onPeer: conn => { node.attach(conn) },
        onJoin: conn => node.onJoin(conn),
        ...(opts.keepalive ? { keepalive: opts.keepalive } : {})
      })
    }
    node.unsubscribe.push(opts.store.roster.onChange(() => node.enforceRoster()))
    node.unsubscribe.push(opts.store.ws.docs.onChange((_name, _doc, origin) => node.countPending(origin)))
    if (opts.presence) node.unsubscribe.push(opts.presence.onChange(() => node.changed()))
    return node
  }

  private get store (): Store { return this.opts.store }
  private get me (): string { return this.store.ws.member.id }
  private log (line: string): void { this.opts.log?.(line) }

  get port (): number | undefined { return this.listener?.port }

  /** Where others can reach this node ("host:port"), LAN addresses first; none when it does not listen. */
  addresses (): string[] {
    const port = this.listener?.port
    const host = this.opts.listen?.host
    if (port === undefined || host === undefined) return []
    if (host !== '0.0.0.0' && host !== '::') return [`${host.includes(':') ? `[${host}]` : host}:${port}`]
    const lan = Object.values(networkInterfaces()).flat()
      .filter(i => i && !i.internal && i.family === 'IPv4').map(i => `${i!.address}:${port}`)
    return [...lan, `127.0.0.1:${port}`]
  }

  /** Dials the remembered peers, and keeps each connected. */
  reconnectRemembered (): void {
    for (const k of this.known.values()) if (k.address) this.keepConnected(k.address)
  }

  /** Keeps a connection to the peer at `address`, redialling with backoff while the node runs. */
  keepConnected (address: string): void {
    if (this.stopped || this.dialers.has(address)) return
    const dialer: { timer?: NodeJS.Timeout } = {}
    this.dialers.set(address, dialer)
    let attempt = 0
    let lastError = ''
    const run = async (): Promise<void> => {
      if (this.stopped) return
      try {
        const live = await this.dial(address)
        lastError = ''
        await live.closed
        attempt = live.synced ? 0 : attempt
      } catch (err) {
        if (err instanceof OwnPeer) { this.dialers.delete(address); return }
        const message = (err as Error).message
        if (message !== lastError) this.log(`peer ${address}: ${message}; trying again with backoff`)
        lastError = message
      }
      attempt++
      if (!this.stopped) dialer.timer = setTimeout(() => { void run() }, backoffDelay(attempt, this.opts.backoff ?? DEFAULT_BACKOFF))
    }
    void run()
  }

  /**
   * Syncs once with the peer at `address`: resolves when both sides are up to date; rejects with an
   * InputError saying why not (unreachable, refused, not a member, timed out).
   */
  async syncOnce (address: string, timeoutMs: number): Promise<PeerStatus> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new InputError(`sync with ${address} did not finish within ${Math.round(timeoutMs / 1000)} s: try again, or a longer --timeout`)), timeoutMs)
    })
    let live: Live | undefined
    try {
      live = await Promise.race([this.dial(address).catch(err => { throw err instanceof InputError ? err : new InputError((err as Error).message) }), timeout])
      const ended = live.closed.then(reason => {
        const theirs = /^the peer ended the session: (.*)$/.exec(reason)?.[1]
        throw new InputError(theirs ? `${address} ended the sync: ${theirs}` : `the sync with ${address} ended early: ${reason}`)
      })
      await Promise.race([live.session.synced, ended, timeout])
      await this.book.flush()
      return this.peerStatus(live.peerId)
    } finally {
      clearTimeout(timer)
      live?.end('one-shot sync done', false)
    }
  }

  /** Announces this node on the LAN and keeps connected to the team's peers found there (a listening node only). */
  useDiscovery (start: StartDiscovery): void {
    if (!this.listener || this.stopped) return
    this.discovery = start({
      teamId: this.store.ws.config.team.id,
      port: this.listener.port,
      // One address per peer (IPv4 first), so that a peer seen on several is dialled once.
      onPeer: peer => {
        const host = peer.addresses.find(a => !a.includes(':')) ?? peer.addresses[0]
        if (host) this.keepConnected(host.includes(':') ? `[${host}]:${peer.port}` : `${host}:${peer.port}`)
      },
      onError: err => this.log(`LAN discovery: ${err.message}`)
    })
  }

  status (): NodeStatus {
    const ids = new Set([...this.known.keys(), ...[...this.live].map(l => l.peerId)])
    const listening = this.listener && this.opts.listen ? `${this.opts.listen.host}:${this.listener.port}` : undefined
    return {
      member: { ...this.store.ws.member },
      ...(listening ? { listening } : {}),
      peers: [...ids].filter(id => id !== this.me).map(id => this.peerStatus(id)).sort((a, b) => a.name.localeCompare(b.name))
    }
  }

  /** Calls back whenever the status may have changed (connections, syncs, presence). */
  onStatus (listener: () => void): () => void {
    this.statusListeners.add(listener)
    return () => this.statusListeners.delete(listener)
  }

  async stop (): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    for (const d of this.dialers.values()) clearTimeout(d.timer)
    for (const u of this.unsubscribe.splice(0)) u()
    await this.discovery?.close()
    for (const l of [...this.live]) l.end('the peer is shutting down', true)
    await this.listener?.close()
    await this.book.flush()
  }

  // ---- connections -----------------------------------------------------------------------------

  /** The listener's verdict on a connecting key; refusals are logged (once a minute per key). */
  private authorize (id: string): true | string {
    const refused = this.refusal(id)
    if (!refused) return true
    const last = this.refusedAt.get(id) ?? 0
    if (Date.now() - last > 60_000) this.log(`refused a connection from ${id}: ${refused}`)
    if (this.refusedAt.size > 1000) this.refusedAt.clear() // many keys: forget rather than grow
    this.refusedAt.set(id, Date.now())
    return refused
  }

  private refusal (id: string): string | undefined {
    if (id === this.me) return 'that is this member\'s own key'
    return this.store.roster.refusal(id)
  }

  private async dial (address: string): Promise<Live> {
    const conn = await connect({ url: urlOf(address), identity: this.opts.tls, timeoutMs: this.opts.connectTimeoutMs ?? 10_000, ...(this.opts.keepalive ? { keepalive: this.opts.keepalive } : {}) })
    if (conn.peerId === this.me) { conn.close(); throw new OwnPeer() }
    const refused = this.refusal(conn.peerId)
    if (refused) {
      // The other side may have refused us first: its reason is the one worth showing.
      const theirs = await refusalOf(conn, REFUSAL_WAIT_MS)
      conn.close()
      throw new InputError(theirs ? `${address} refused the connection: ${theirs}` : `the peer at ${address} (member id ${conn.peerId}) is not a member of this team`)
    }
    return this.attach(conn, address)
  }

  private attach (conn: PeerConnection, address?: string): Live {
    const peerId = conn.peerId
    const target = workspaceSyncTarget(this.store.ws, () => this.store.roster.role(peerId))
    const link: PresenceLink | undefined = this.opts.presence?.link(update => conn.send(writeAwareness(update)))
    const session = new SyncSession(target, frame => conn.send(frame), this.opts.limits, link)
    let resolveClosed!: (reason: string) => void
    let ended = false
    const live: Live = {
      conn, peerId, session, synced: false,
      ...(address ? { address } : {}),
      closed: new Promise(resolve => { resolveClosed = resolve }),
      end: (reason, tellPeer) => {
        if (ended) return
        ended = true
        session.close()
        link?.close()
        this.live.delete(live)
        conn.close(reason, tellPeer)
        this.log(`session with ${this.nameOf(peerId)} ${address ? `at ${address} ` : ''}ended: ${reason}`)
        resolveClosed(reason)
        this.changed()
      }
    }
    this.live.add(live)
    const known = this.known.get(peerId) ?? { pending: 0 }
    if (address) known.address = address
    this.known.set(peerId, known)
    conn.onFrame(frame => {
      session.receive(frame).catch((err: Error) => {
        const byPeer = err.message.startsWith('the peer ended the session')
        live.end(err.message, !byPeer)
      })
    })
    conn.onClose(reason => live.end(reason || 'the connection closed', false))
    session.start().catch((err: Error) => live.end(`could not start: ${err.message}`, true))
    void session.synced.then(() => {
      if (ended) return
      live.synced = true
      const now = new Date().toISOString()
      Object.assign(known, { lastSync: now, pending: 0 })
      void this.book.update(peerId, { name: this.nameOf(peerId), lastSeen: now, lastSync: now, ...(address ? { address } : {}) })
      this.changed()
    })
    this.changed()
    return live
  }

  private onJoin (conn: PeerConnection): void {
    const timer = setTimeout(() => conn.close(`no join request within ${JOIN_TIMEOUT_MS / 1000} s`), JOIN_TIMEOUT_MS)
    conn.onFrame(frame => {
      clearTimeout(timer)
      conn.onFrame(undefined) // what follows waits for the session
      this.joins = this.joins.then(() => this.admit(conn, frame))
    })
    conn.onClose(() => clearTimeout(timer))
  }

  private async admit (conn: PeerConnection, data: Uint8Array): Promise<void> {
    try {
      const frame = readFrame(data)
      if (frame.type !== FRAME.JOIN) throw new InputError('expected a join request')
      const role = await acceptJoin(this.store, frame.join, { id: conn.peerId, publicKeyPem: conn.peerPublicKey })
      this.log(`${frame.join.name} (${conn.peerId}) joined the team as ${role}`)
      conn.send(writeJoined(role))
      this.attach(conn)
    } catch (err) {
      this.log(`a join was refused: ${(err as Error).message}`)
      conn.close((err as Error).message)
    }
  }

  private enforceRoster (): void {
    for (const l of [...this.live]) {
      const refused = this.refusal(l.peerId)
      if (refused) l.end(refused, true)
    }
    this.changed()
  }

  private countPending (origin: unknown): void {
    for (const [id, k] of this.known) {
      const forwarded = [...this.live].some(l => l.peerId === id && (l.synced || l.session.origin === origin))
      if (!forwarded) k.pending++
    }
  }

  private peerStatus (id: string): PeerStatus {
    const k = this.known.get(id)
    const connected = [...this.live].find(l => l.peerId === id)
    return {
      id,
      name: this.nameOf(id),
      ...(connected?.address ?? k?.address ? { address: connected?.address ?? k?.address } : {}),
      connected: Boolean(connected),
      ...(k?.lastSync ? { lastSync: k.lastSync } : {}),
      pending: connected?.synced ? 0 : k?.pending ?? 0
    }
  }

  private nameOf (id: string): string { return this.store.roster.get(id)?.name ?? id.slice(0, 8) }

  private changed (): void {
    for (const l of this.statusListeners) l()
  }
}

class OwnPeer extends Error {
  constructor () { super('this address is this member\'s own peer') }
}

/** The reason the other side gives for refusing us (an ERROR frame, or its close reason), if it does soon. */
function refusalOf (conn: PeerConnection, ms: number): Promise<string | undefined> {
  return new Promise(resolve => {
    const timer = setTimeout(() => resolve(undefined), ms)
    conn.onFrame(data => {
      try {
        const frame = readFrame(data)
        if (frame.type === FRAME.ERROR) { clearTimeout(timer); resolve(frame.reason) }
      } catch { /* not a refusal */ }
    })
    conn.onClose(reason => { clearTimeout(timer); resolve(reason || undefined) })
  })
}
