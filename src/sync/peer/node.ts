/**
 * A peer node: what `pat serve` and the app run to sync a workspace with the team. It puts together:
 *
 *   listening     transport.ts `listen`: mutual TLS, keys checked by the roster guard, invites to the join path
 *   dialling      peer/dialer.ts: the peers it is told about, remembers or finds, redialled with backoff
 *   sessions      peer/sessions.ts: one SyncSession per connection, presence riding along (presence.ts)
 *   the roster    peer/roster.ts: refusing keys the roster refuses, ending sessions when a removal arrives
 *   joins         peer/joins.ts: new members, admitted one at a time (invite.ts)
 *   status        peer/status.ts: every peer met, connected or not, last sync, pending updates; peer book
 *   LAN discovery peer/discovery.ts, plugged in with `useDiscovery`
 *
 * and `syncOnce`, the one exchange of `pat sync --peer`. A session that breaks a rule ends alone, with its
 * reason logged; the node keeps serving everyone else.
 */
import { InputError } from '../../domain/index.js'
import type { Store } from '../../store/index.js'
import { voucherOf } from '../../store/vouches.js'
import { loadSigner } from '../identity.js'
import { reachableAddresses } from '../address.js'
import type { BackoffOptions } from '../backoff.js'
import { PeerDialer } from './dialer.js'
import { discoverPeers, type StartDiscovery } from './discovery.js'
import { JoinQueue } from './joins.js'
import { RosterGuard } from './roster.js'
import { PeerSessions, type LiveSession } from './sessions.js'
import { PeerStatusBoard, type NodeStatus, type PeerStatus } from './status.js'
import type { Presence } from '../presence.js'
import type { SessionLimits } from '../session.js'
import { listen, type Keepalive, type Listener, type TlsIdentity } from '../transport.js'

export type { StartDiscovery } from './discovery.js'
export type { NodeStatus, PeerStatus } from './status.js'

export interface PeerNodeOptions {
  store: Store
  tls: TlsIdentity
  /** Where to listen for peers; without it the node only dials (one-shot sync). */
  listen?: { host: string, port: number }
  presence?: Presence
  log?: (line: string) => void
  /** Where changes set aside are reported, once (default: `log`). */
  report?: (line: string) => void
  limits?: Partial<SessionLimits>
  backoff?: BackoffOptions
  connectTimeoutMs?: number
  /** How often connections are pinged, and after how many unanswered pings one is dropped (transport.ts). */
  keepalive?: Keepalive
}

export class PeerNode {
  private listener?: Listener
  private readonly unsubscribe: Array<() => void> = []
  private readonly board: PeerStatusBoard
  private readonly sessions: PeerSessions
  private readonly guard: RosterGuard
  private readonly dialer: PeerDialer
  private discovery?: { close (): Promise<void> }
  private stopped = false
  private readonly log = (line: string): void => { this.opts.log?.(line) }

  private constructor (private readonly opts: PeerNodeOptions) {
    const { store, presence, limits, backoff, connectTimeoutMs, keepalive } = opts
    this.board = new PeerStatusBoard(store)
    this.sessions = new PeerSessions({ store, board: this.board, presence, limits, log: this.log, ...(opts.report ? { report: opts.report } : {}) })
    this.guard = new RosterGuard(store, this.log)
    this.dialer = new PeerDialer({
      tls: opts.tls,
      me: store.ws.member.id,
      backoff,
      connectTimeoutMs,
      keepalive,
      log: this.log,
      refusal: id => this.guard.refusal(id),
      attach: (conn, address) => this.sessions.attach(conn, address)
    })
  }

  static async start (opts: PeerNodeOptions): Promise<PeerNode> {
    const node = new PeerNode(opts)
    const { board, sessions, guard } = node
    await board.load()
    // Every editor vouches for its own changes, whatever the transport (store/vouches.ts; docs/trust.md).
    const voucher = voucherOf(opts.store.ws, await loadSigner(opts.store.ws.paths.identityKey).catch(() => undefined))
    await voucher.ready()
    sessions.voucher = voucher
    // A damaged peers.json was kept aside: said once, where this node reports (a one-shot sync's stderr).
    if (board.bookNotice) (opts.report ?? node.log)(`warning: ${board.bookNotice}`)
    if (opts.listen) {
      const joins = new JoinQueue(opts.store, node.log, conn => { sessions.attach(conn) })
      node.listener = await listen({
        ...opts.listen,
        identity: opts.tls,
        authorize: id => guard.authorize(id),
        onPeer: conn => { sessions.attach(conn) },
        onJoin: conn => joins.onJoin(conn),
        ...(opts.keepalive ? { keepalive: opts.keepalive } : {})
      })
    }
    node.unsubscribe.push(opts.store.roster.onChange(() => { guard.enforce(sessions.list()); board.changed() }))
    node.unsubscribe.push(opts.store.ws.docs.onChange((_name, _doc, origin) => board.countPending(origin, sessions.list())))
    if (opts.presence) node.unsubscribe.push(opts.presence.onChange(() => board.changed()))
    return node
  }

  get port (): number | undefined { return this.listener?.port }

  /** Where others can reach this node ("host:port"), LAN addresses first; none when it does not listen. */
  addresses (): string[] {
    const port = this.listener?.port
    const host = this.opts.listen?.host
    return port === undefined || host === undefined ? [] : reachableAddresses(host, port)
  }

  /** Dials the remembered peers, and keeps each connected. */
  reconnectRemembered (): void {
    for (const address of this.board.addresses()) this.keepConnected(address)
  }

  /** Keeps a connection to the peer at `address`, redialling with backoff while the node runs. */
  keepConnected (address: string): void {
    this.dialer.keepConnected(address)
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
    let live: LiveSession | undefined
    try {
      live = await Promise.race([this.dialer.dial(address).catch(err => { throw err instanceof InputError ? err : new InputError((err as Error).message) }), timeout])
      const ended = live.closed.then(reason => {
        const theirs = /^the peer ended the session: (.*)$/.exec(reason)?.[1]
        throw new InputError(theirs ? `${address} ended the sync: ${theirs}` : `the sync with ${address} ended early: ${reason}`)
      })
      await Promise.race([live.session.synced, ended, timeout])
      await this.board.flush()
      return this.board.peerStatus(live.peerId, this.sessions.list())
    } finally {
      clearTimeout(timer)
      live?.end('one-shot sync done', false)
    }
  }

  /** Announces this node on the LAN and keeps connected to the team's peers found there (a listening node only). */
  useDiscovery (start: StartDiscovery): void {
    if (!this.listener || this.stopped) return
    this.discovery = discoverPeers(start, {
      teamId: this.opts.store.ws.config.team.id,
      port: this.listener.port,
      keepConnected: address => this.dialer.keepConnected(address),
      log: this.log
    })
  }

  status (): NodeStatus {
    const listening = this.listener && this.opts.listen ? `${this.opts.listen.host}:${this.listener.port}` : undefined
    return this.board.status(this.sessions.list(), listening)
  }

  /** Calls back whenever the status may have changed (connections, syncs, presence). */
  onStatus (listener: () => void): () => void {
    return this.board.onStatus(listener)
  }

  async stop (): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    this.dialer.stop()
    for (const u of this.unsubscribe.splice(0)) u()
    await this.discovery?.close()
    for (const l of this.sessions.list()) l.end('the peer is shutting down', true)
    await this.listener?.close()
    await this.board.flush()
  }
}
