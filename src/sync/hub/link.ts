/**
 * A long-running link to a hub, for `pat serve` and the app: the one exchange of hub/client.ts, then kept
 * live — this member's changes (and those peers bring) go to the hub as they happen, and the hub's are
 * applied as they come, judged by the same roster rules (the hub is an editor at most: hub/client.ts).
 *
 * Rooms (hub/room.ts) are bounded (hub/rooms.ts): the workspace room plus at most `maxLiveRooms` (256)
 * account rooms stay open, the most recently active ones (a change here or from the hub, or just synced); opening one more
 * closes the least recently active. Every `fullPassMs` (5 min) a full pass exchanges every document again —
 * the rooms not open are opened for their exchange (kept open while there is room, else closed once in
 * sync), so a document whose room was closed is still in sync within a pass; a change made here to a
 * document without an open room opens one at once. With a Hocuspocus hub every room shares one WebSocket.
 *
 * At start and after every reconnection the full pass runs at once: state 'connecting' until it is done,
 * then 'connected' (`lastSync` the time the last pass, or a room opened since, was in sync; while rooms have
 * failed since the last pass — garbage, an update that does not apply — `error` names how many and the first, and a pass
 * with failed rooms leaves `lastSync` as it was). When the hub
 * cannot be reached, the connection breaks, a room gets no answer within `timeoutMs`, or more than
 * `maxBufferedBytes` wait to be written to it (the hub is not reading), every room is closed: state
 * 'unreachable' with the reason, and it is tried again after a jittered exponential backoff (backoff.ts,
 * `retryInMs` until then). A hub that refuses the token (Hocuspocus PERMISSION_DENIED, HTTP 401/403) puts
 * the link in state 'refused' and is tried again only every `refusedRetryMs` (5 min) — fixing the token is
 * for the member (`pat hub set`), after which the caller starts a new link.
 *
 * While not connected nothing is kept for the hub: no message is queued, no room is open. Local work goes
 * on in the store, and the next full pass — state vectors first — brings the hub everything it lacks, and
 * this side everything the hub gained meanwhile. A room that breaks the protocol ends alone (logged, its
 * document untouched) and is opened again only by the next full pass; a refused update's refused parts are set
 * aside and logged once, and the room stays open (judge.ts).
 *
 * Vouches (store/vouches.ts): the `vouches` room is opened first on every pass and stays live like the
 * workspace's; this member's vouch for a document is written just before its content is sent, so it goes out
 * ahead of it. Parts of the hub's updates no member who may write vouches for are held; the rooms judge them
 * again whenever the vouches or the roster change, and set them aside once they have waited `holdMs` (60 s)
 * and the hub offers them again.
 */
import type { Store, WorkspaceSyncTarget } from '../../store/index.js'
import { accountDocName, accountIdOf, WORKSPACE_DOC } from '../../store/schema.js'
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from '../backoff.js'
import { voucherOf, VOUCHES_DOC } from '../../store/vouches.js'
import { accountDocs, DEFAULT_MAX_MESSAGE, hubOrigin, hubTarget, openHub, PASS_CONCURRENCY, pool, retryOnVouches, vouchSigner } from './client.js'
import { HubRoom } from './room.js'
import { OpenRooms } from './rooms.js'
import { HubRefusal, type HubTransport } from './transport.js'
import { parseHubUrl, type HubAddress, type HubKind } from './url.js'
import { DEFAULT_KEEPALIVE, type Keepalive } from '../transport.js'

export interface HubLinkOptions {
  store: Store
  /** A hub URL (hub/url.ts). */
  url: string
  token?: string
  log?: (line: string) => void
  backoff?: BackoffOptions
  /** Account rooms kept open besides the workspace's (256). */
  maxLiveRooms?: number
  /** How often every document is exchanged again (5 min). */
  fullPassMs?: number
  /** How long after a refused token it is tried again (5 min). */
  refusedRetryMs?: number
  /** How long a room may wait for the hub's answer before the connection counts as lost (30 s). */
  timeoutMs?: number
  /** Bytes waiting to be written to the hub beyond which the connection is cut (8 MiB). */
  maxBufferedBytes?: number
  keepalive?: Keepalive
  maxMessageBytes?: number
  /** How long a part no member vouches for is held before it is set aside (60 s). */
  holdMs?: number
}

export interface HubLinkStatus {
  url: string
  kind: HubKind
  state: 'connecting' | 'connected' | 'unreachable' | 'refused'
  lastSync?: string
  retryInMs?: number
  error?: string
  /** Rooms open at the hub right now. */
  rooms: number
  /** Bytes handed to the connection(s) and not yet written to the network. */
  bufferedBytes: number
}

export class HubLink {
  private readonly hub: HubAddress
  private readonly origin: object
  private target: WorkspaceSyncTarget | undefined
  private unretry: (() => void) | undefined
  private state: HubLinkStatus['state'] = 'connecting'
  private error: string | undefined
  private lastSync: string | undefined
  private retryAt: number | undefined
  private attempt = 0
  /** The last connection problem logged (until connected again). */
  private logged: string | undefined
  private generation = 0
  private transport: HubTransport | undefined
  private readonly rooms: OpenRooms
  /** Documents whose room broke the protocol or was refused: not opened again before the next pass. */
  private readonly failed = new Map<string, string>()
  /** Documents that had a room on this connection (a workspace change opens rooms only for new ones). */
  private readonly seen = new Set<string>()
  private passing = false
  private started = false
  private stopped = false
  private readonly timers = new Set<NodeJS.Timeout>()
  private unsubscribe: (() => void) | undefined
  private readonly listeners = new Set<() => void>()

  constructor (private readonly opts: HubLinkOptions) {
    this.hub = parseHubUrl(opts.url)
    this.rooms = new OpenRooms(opts.maxLiveRooms ?? 256)
    this.origin = hubOrigin(this.hub)
  }

  /** The target, made once the member's signer is read (store/vouches.ts: this member's vouches are signed). */
  private async ready (): Promise<WorkspaceSyncTarget> {
    if (!this.target) {
      const voucher = voucherOf(this.opts.store.ws, await vouchSigner(this.opts.store, this.opts.log))
      await voucher.ready() // loaded before anything is judged against it
      this.target ??= hubTarget(this.opts.store, this.hub, () => this.stopped, this.opts.log, { voucher, holdMs: this.opts.holdMs ?? 60_000 })
    }
    return this.target
  }

  start (): void {
    if (this.started) return
    this.started = true
    this.unsubscribe = this.opts.store.ws.docs.onChange((name, _doc, origin) => {
      if (origin !== this.origin) this.changedHere(name)
      if (name === WORKSPACE_DOC) this.openNewAccounts()
    })
    this.unretry = retryOnVouches(this.opts.store, () => this.rooms.open())
    const every = setInterval(() => { if (this.state === 'connected' && !this.passing) void this.pass() }, this.opts.fullPassMs ?? 5 * 60_000)
    every.unref()
    this.timers.add(every)
    this.connect()
  }

  async stop (): Promise<void> {
    this.stopped = true
    this.unsubscribe?.()
    this.unretry?.()
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    await this.drop()
    this.emit()
  }

  /** Forgets the connection and its rooms (what arrives for them later is ignored) and closes it. */
  private drop (): Promise<void> {
    this.generation++
    const transport = this.transport
    this.transport = undefined
    this.rooms.clear()
    return transport?.close() ?? Promise.resolve()
  }

  status (): HubLinkStatus {
    return {
      url: this.hub.url,
      kind: this.hub.kind,
      state: this.state,
      ...(this.lastSync ? { lastSync: this.lastSync } : {}),
      ...(this.retryAt !== undefined ? { retryInMs: Math.max(0, this.retryAt - Date.now()) } : {}),
      ...(this.error !== undefined ? { error: this.error } : {}),
      rooms: this.rooms.size,
      bufferedBytes: this.transport?.bufferedBytes() ?? 0
    }
  }

  /** Calls back whenever the status may have changed; returns the unsubscribe function. */
  onStatus (fn: () => void): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  private emit (): void { for (const l of this.listeners) l() }

  private connect (): void {
    if (this.stopped) return
    const gen = ++this.generation
    this.retryAt = undefined
    this.seen.clear()
    this.state = 'connecting'
    this.emit()
    this.transport = openHub({
      hub: this.hub,
      teamId: this.opts.store.ws.config.team.id,
      maxMessageBytes: this.opts.maxMessageBytes ?? DEFAULT_MAX_MESSAGE,
      keepalive: this.opts.keepalive ?? DEFAULT_KEEPALIVE,
      ...(this.opts.token ? { token: this.opts.token } : {}),
      onLost: (reason, refused) => { if (gen === this.generation) this.lose(reason, refused) }
    })
    void this.pass()
  }

  /** The connection is over: close every room, say why, and try again later. */
  private lose (reason: string, refused: boolean): void {
    if (this.stopped) return
    void this.drop()
    const line = `hub ${this.hub.url}: ${reason}; trying again ${refused ? 'in a while' : 'with backoff'}`
    if (line !== this.logged) this.opts.log?.(line) // once per reason, not once per retry
    this.logged = line
    this.state = refused ? 'refused' : 'unreachable'
    this.error = reason
    const delay = refused ? this.opts.refusedRetryMs ?? 5 * 60_000 : backoffDelay(++this.attempt, this.opts.backoff ?? DEFAULT_BACKOFF)
    this.retryAt = Date.now() + delay
    const timer = setTimeout(() => { this.timers.delete(timer); this.connect() }, delay)
    timer.unref()
    this.timers.add(timer)
    this.emit()
  }

  /** Exchanges every document: the workspace first (its directory names the accounts), then the accounts. */
  private async pass (): Promise<void> {
    const gen = this.generation
    this.passing = true
    this.failed.clear()
    try {
      await this.ready()
      let vouchesSynced = () => {}
      const gate = new Promise<void>(resolve => { vouchesSynced = resolve })
      let opened = () => {}
      const open = new Promise<void>(resolve => { opened = resolve })
      const workspace = this.room(WORKSPACE_DOC, false, gate, opened) // opened first (a refused token is named for it), judged once the vouches are in
      // The vouches room only once the workspace's is open at the hub: a hub that is down holds one room, not two.
      await Promise.race([open, workspace])
      await this.room(VOUCHES_DOC, false).finally(vouchesSynced)
      await workspace
      await pool(await accountDocs(this.opts.store), PASS_CONCURRENCY, async name => { await this.room(name, false) })
      if (gen !== this.generation) return
      this.state = 'connected'
      this.attempt = 0
      this.logged = undefined
      this.error = this.failedRooms()
      if (this.error === undefined) this.synced()
      else this.emit()
    } finally {
      if (gen === this.generation) this.passing = false
    }
  }

  /**
   * Makes sure the document's room has had its exchange: an open one is left as it is; otherwise one is
   * opened — kept live when there is room for it (`evict`: making room by closing the least active).
   * Resolves true once in sync, false when the room ended first or was not opened (the connection is lost
   * when the hub refuses it or does not answer in time).
   */
  private async room (name: string, evict: boolean, after?: Promise<void>, onOpen?: () => void): Promise<boolean> {
    const transport = this.transport
    const target = this.target
    if (!transport || !target || this.rooms.get(name) || this.failed.has(name)) return false
    this.seen.add(name)
    const gen = this.generation
    const live = this.rooms.slot(name, evict)
    const room = new HubRoom({
      name,
      target,
      live,
      origin: this.origin,
      ...(after ? { after } : {}),
      ...(onOpen ? { onOpen } : {}),
      onReceived: r => this.rooms.touch(r),
      onEnd: r => {
        this.rooms.remove(r)
        if (r.outcome.error !== undefined && gen === this.generation) {
          this.failed.set(name, r.outcome.error)
          this.opts.log?.(`hub ${this.hub.url}: ${name}: ${r.outcome.error}`)
          if (this.state === 'connected') this.error = this.failedRooms()
        }
        this.emit()
      }
    })
    this.rooms.add(room, live)
    transport.open(room)
    this.emit()
    return this.answered(room)
  }

  /** Waits for the room's first exchange; no answer within `timeoutMs` is the connection lost. */
  private async answered (room: HubRoom): Promise<boolean> {
    const gen = this.generation
    let timer: NodeJS.Timeout | undefined
    const ms = this.opts.timeoutMs ?? 30_000
    const late = new Promise<undefined>(resolve => {
      timer = setTimeout(() => {
        if (gen === this.generation && !room.ended) this.lose(`the hub did not answer for ${room.name} within ${Math.round(ms / 1000)} s`, false)
        resolve(undefined)
      }, ms)
    })
    try {
      const outcome = await Promise.race([room.synced, late])
      return outcome !== undefined && outcome.error === undefined
    } catch (err) {
      if (gen === this.generation) this.lose((err as Error).message, err instanceof HubRefusal)
      return false
    } finally {
      clearTimeout(timer)
    }
  }

  /** A document changed here (this member, or a peer): its room sends the change, or one is opened for it. */
  private changedHere (name: string): void {
    if (!this.transport || this.stopped) return
    const buffered = this.transport.bufferedBytes()
    const max = this.opts.maxBufferedBytes ?? 8 * 1024 * 1024
    if (buffered > max) { this.lose(`the hub is not reading: ${buffered} bytes wait to be sent`, false); return }
    const open = this.rooms.get(name)
    if (open) { this.rooms.touch(open); open.changed(); return }
    // While connecting, the pass under way (or, for a document it already did, the next one) brings the change.
    if (this.state !== 'connected' || (name !== WORKSPACE_DOC && name !== VOUCHES_DOC && accountIdOf(name) === undefined)) return
    void this.room(name, true).then(ok => { if (ok && this.state === 'connected') this.synced() })
  }

  /** New accounts in the directory (added here, by a peer or through the hub): their rooms bring what the hub has of them. */
  private openNewAccounts (): void {
    if (!this.transport || this.state !== 'connected') return
    for (const doc of this.opts.store.ws.accountIds().map(accountDocName)) if (!this.seen.has(doc)) void this.room(doc, false)
  }

  /** The connection works, but documents whose room failed are not in sync: how many, and the first. */
  private failedRooms (): string | undefined {
    const [first] = this.failed
    return first ? `${this.failed.size} document${this.failed.size === 1 ? '' : 's'} not synced through the hub: ${first[0]}: ${first[1]}` : undefined
  }

  private synced (): void {
    this.lastSync = new Date().toISOString()
    this.emit()
  }
}
