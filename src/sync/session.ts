/**
 * One sync session with one peer, independent of the transport: it is handed the frames that arrive and a
 * function to send frames. On start it sends step 1 (its state vector) for every document it holds and
 * DOCS_END; each step 1 received is answered with step 2 (only what the peer lacks), and a step 1 for a
 * document it does not have yet is answered and also asked back, so documents new to either side travel.
 * After that, local changes are forwarded as updates while the session lives.
 *
 * Limits protect a peer from another: frame size, documents per session, frame rate, and allowed document
 * names. A frame that breaks a rule, fails to decode, or carries an update that fails to apply ends the
 * session with a ProtocolError (the caller closes the connection); documents are untouched by a rejected
 * update. The target may also refuse an update before it is applied (`accept`: the roster's rules on what
 * this peer may change), which ends the session the same way. An update it cannot judge yet is held and
 * judged again whenever its document changes — whatever it waits for may arrive through another peer; one
 * still held when the session ends is dropped, and the peer sends it again next time (its state vector
 * exchange finds it missing), so nothing is lost.
 *
 * Presence (AWARENESS frames) is handed to `presence` when there is one and ignored otherwise; the join
 * frames belong to the join handshake (invite.ts), before a session starts, and are an error here.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { FRAME, ProtocolError, readFrame, writeError, writeSignal, writeSyncFrame } from './frames.js'

export interface SyncTarget {
  /** Names of the documents this side holds. */
  docNames (): Promise<string[]>
  /** The document (created empty if new). */
  doc (name: string): Promise<Y.Doc>
  /** Calls back with a document's name whenever it changes (a document created later must be offered too). */
  onChange (listener: (name: string) => void): () => void
  /**
   * Whether this peer may make this change: undefined to apply it, the reason it is refused, or WAIT when
   * it cannot be judged yet because it builds on changes this side lacks (they may come from another peer).
   */
  accept? (name: string, doc: Y.Doc, update: Uint8Array): Verdict
}

export type Verdict = string | undefined | { wait: true }

/** Where a session hands the presence updates it receives (presence.ts). */
export interface PresenceInbox { receive (update: Uint8Array): void }

/**
 * `maxFramesPerSecond` is an average over a burst allowance of five seconds' worth, so the first exchange
 * of a large workspace (two frames per document) is not mistaken for a flood.
 */
export interface SessionLimits { maxFrameBytes: number, maxDocs: number, maxFramesPerSecond: number }
export const DEFAULT_LIMITS: SessionLimits = { maxFrameBytes: 32 * 1024 * 1024, maxDocs: 200_000, maxFramesPerSecond: 20_000 }
const BURST_SECONDS = 5

const DOC_NAME = /^(workspace|account\/[a-z0-9-]{1,64})$/

export class SyncSession {
  /**
   * The origin of updates applied from this peer: not sent back to it, but relayed to other peers. The
   * store treats any `{ origin: 'remote' }` as a peer's change (persisted, never undone by us).
   */
  readonly origin = { origin: 'remote', session: this }
  /** The origin of a peer's update that may complete pending ones from other peers: forwarded to it as well. */
  private readonly relayOrigin = { origin: 'remote', session: this, relay: true }
  private readonly awaitingStep2 = new Set<string>()
  private readonly seen = new Set<string>()
  private peerDocsEnd = false
  private sentSynced = false
  private peerSynced = false
  private readonly unsubscribe: Array<() => void> = []
  private resolveSynced!: () => void
  /** Resolves when both sides have said they are up to date. */
  readonly synced = new Promise<void>(resolve => { this.resolveSynced = resolve })
  private queue: Promise<void> = Promise.resolve()
  private closed = false
  private readonly limits: SessionLimits
  private tokens: number
  private tokensAt = Date.now()
  /** Per document, the peer's updates held until what they build on has arrived (bounded in bytes). */
  private readonly held = new Map<string, Uint8Array[]>()
  private heldBytes = 0

  constructor (
    private readonly target: SyncTarget,
    private readonly send: (frame: Uint8Array) => void,
    limits: Partial<SessionLimits> = {},
    private readonly presence?: PresenceInbox
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits }
    this.tokens = this.limits.maxFramesPerSecond * BURST_SECONDS
  }

  async start (): Promise<void> {
    this.unsubscribe.push(this.target.onChange(name => {
      if (!this.seen.has(name) && DOC_NAME.test(name)) this.queue = this.queue.then(() => this.offer(name)).catch(() => undefined)
      if (this.held.has(name)) this.queue = this.queue.then(() => this.retryHeld(name)).catch(() => undefined)
    }))
    for (const name of (await this.target.docNames()).filter(n => DOC_NAME.test(n))) await this.offer(name)
    this.send(writeSignal(FRAME.DOCS_END))
  }

  /** Handles one frame; frames are processed in arrival order. Rejects with ProtocolError to end the session. */
  receive (data: Uint8Array): Promise<void> {
    if (!this.closed && !this.takeToken()) return Promise.reject(new ProtocolError(`more than ${this.limits.maxFramesPerSecond} frames per second`))
    const run = this.queue.then(() => this.handle(data))
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Tells the peer why the session ends. */
  fail (reason: string): void {
    this.send(writeError(reason))
  }

  /** Stops forwarding; frames still arriving afterwards are ignored. */
  close (): void {
    this.closed = true
    for (const u of this.unsubscribe.splice(0)) u()
  }

  private async handle (data: Uint8Array): Promise<void> {
    if (this.closed) return
    if (data.length > this.limits.maxFrameBytes) throw new ProtocolError(`frame of ${data.length} bytes is over the limit of ${this.limits.maxFrameBytes}`)
    const frame = readFrame(data)
    switch (frame.type) {
      case FRAME.SYNC: {
        if (!DOC_NAME.test(frame.doc)) throw new ProtocolError(`unknown document name "${frame.doc.slice(0, 80)}"`)
        const known = this.seen.has(frame.doc)
        if (!known && this.seen.size >= this.limits.maxDocs) throw new ProtocolError(`more than ${this.limits.maxDocs} documents in one session`)
        const doc = await this.target.doc(frame.doc)
        if (!known) await this.offer(frame.doc, doc)
        this.applySync(frame.doc, doc, frame.decoder)
        break
      }
      case FRAME.DOCS_END: this.peerDocsEnd = true; break
      case FRAME.SYNCED: this.peerSynced = true; break
      case FRAME.ERROR: throw new ProtocolError(`the peer ended the session: ${frame.reason}`)
      case FRAME.AWARENESS: this.presence?.receive(frame.update); break
      case FRAME.JOIN: case FRAME.JOINED: throw new ProtocolError('a join frame in a sync session')
    }
    this.checkSynced()
  }

  /**
   * One y-protocols sync message. Step 1 is answered with step 2; step 2 and updates are applied with this
   * session's origin. (y-protocols' own reader logs failed updates to the console; a hostile peer could
   * flood the log, so the message types are dispatched here and failures become ProtocolErrors.)
   */
  private applySync (name: string, doc: Y.Doc, decoder: decoding.Decoder): void {
    let type: number
    let update: Uint8Array
    try {
      type = decoding.readVarUint(decoder)
      if (type === syncProtocol.messageYjsSyncStep1) {
        const reply = encoding.createEncoder()
        syncProtocol.readSyncStep1(decoder, reply, doc)
        this.send(writeSyncFrame(name, enc => encoding.writeUint8Array(enc, encoding.toUint8Array(reply))))
        return
      }
      if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) throw new Error(`unknown sync message type ${type}`)
      update = decoding.readVarUint8Array(decoder)
    } catch (err) {
      throw new ProtocolError(`bad sync message for ${name}: ${(err as Error).message}`)
    }
    const verdict = this.judgeAndApply(name, doc, update)
    if (typeof verdict === 'string') throw new ProtocolError(`update to ${name} refused: ${verdict}`)
    if (verdict !== undefined) this.hold(name, update)
    if (type === syncProtocol.messageYjsSyncStep2) this.awaitingStep2.delete(name)
  }

  /** Applies the update if the target accepts it; returns the target's verdict. */
  private judgeAndApply (name: string, doc: Y.Doc, update: Uint8Array): Verdict {
    try {
      const verdict = this.target.accept?.(name, doc, update)
      // Yjs holds an update that builds on one it lacks as pending and emits it inside the update that
      // completes it; when that comes from this peer, the pending part (from any peer) is news to it too,
      // so the result is given an origin that is not filtered as an echo.
      const completes = doc.store.pendingStructs !== null || doc.store.pendingDs !== null
      if (verdict === undefined) Y.applyUpdate(doc, update, completes ? this.relayOrigin : this.origin)
      return verdict
    } catch (err) {
      throw new ProtocolError(`bad sync message for ${name}: ${(err as Error).message}`)
    }
  }

  private hold (name: string, update: Uint8Array): void {
    this.heldBytes += update.length
    if (this.heldBytes > this.limits.maxFrameBytes) throw new ProtocolError(`more than ${this.limits.maxFrameBytes} bytes of updates waiting for changes this peer lacks`)
    this.held.set(name, [...(this.held.get(name) ?? []), update])
  }

  /**
   * Judges a document's held updates again after it changed. One refused now is dropped (not applied):
   * the peer offers it again on the next session, where the refusal ends that session with its reason.
   */
  private async retryHeld (name: string): Promise<void> {
    const updates = this.held.get(name)
    if (!updates || this.closed) return
    this.held.delete(name)
    const doc = await this.target.doc(name)
    for (const update of updates) {
      this.heldBytes -= update.length
      const verdict = this.judgeAndApply(name, doc, update)
      if (verdict !== undefined && typeof verdict !== 'string') this.hold(name, update)
    }
  }

  /** One token per frame, refilled at the allowed rate up to the burst allowance. */
  private takeToken (): boolean {
    const now = Date.now()
    const max = this.limits.maxFramesPerSecond * BURST_SECONDS
    this.tokens = Math.min(max, this.tokens + (now - this.tokensAt) * this.limits.maxFramesPerSecond / 1000)
    this.tokensAt = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  /** Sends step 1 for a document and starts forwarding its local changes. */
  private async offer (name: string, known?: Y.Doc): Promise<void> {
    if (this.seen.has(name)) return
    this.seen.add(name)
    const doc = known ?? await this.target.doc(name)
    this.awaitingStep2.add(name)
    this.send(writeSyncFrame(name, enc => syncProtocol.writeSyncStep1(enc, doc)))
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === this.origin) return // never echo a peer's own updates back to it
      this.send(writeSyncFrame(name, enc => syncProtocol.writeUpdate(enc, update)))
    }
    doc.on('update', onUpdate)
    this.unsubscribe.push(() => doc.off('update', onUpdate))
  }

  private checkSynced (): void {
    if (!this.sentSynced && this.peerDocsEnd && this.awaitingStep2.size === 0) {
      this.sentSynced = true
      this.send(writeSignal(FRAME.SYNCED))
    }
    if (this.sentSynced && this.peerSynced) this.resolveSynced()
  }
}
