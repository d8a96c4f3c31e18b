/**
 * One sync session with one peer, independent of the transport: it is handed the frames that arrive and a
 * function to send frames. On start it sends step 1 (its state vector) for every document it holds and
 * DOCS_END; each step 1 received is answered with step 2 (only what the peer lacks), and a step 1 for a
 * document it does not have yet is answered and also asked back, so documents new to either side travel.
 * After that, local changes are forwarded as updates while the session lives.
 *
 * A document the peer names but this side does not have is not created for the asking: the step 1 is
 * answered from an empty stand-in (an empty step 2), and the document is created only when an update
 * with something in it is accepted — a peer naming thousands of documents leaves nothing behind. One
 * that comes into being here later (a local edit, another peer) is sent to the peer whole.
 *
 * Of an update, only what this side lacks is judged and applied (judge.ts, shared with the hub client); the
 * target's SKIP verdict (nothing new) means it is not applied at all.
 *
 * Limits protect a peer from another: frame size, documents per session, frame rate, and allowed document
 * names. A frame that breaks a rule, fails to decode, or carries an update that fails to apply ends the
 * session with a ProtocolError (the caller closes the connection); documents are untouched by a rejected
 * update. The target may also refuse an update before it is applied (`accept`: the roster's rules on what
 * this peer may change): the refused parts are set aside (`setAside`, judge.ts) and the rest applied — a
 * refusal never ends the session, so a member whose changes are refused still receives. An update it cannot judge yet is held and
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
import { setAside } from '../store/debug.js'
import type { UpdatePart } from '../store/update-parts.js'
import { absent, judgeAndApply, type Verdict } from './judge.js'

export type { Verdict } from './judge.js'

export interface SyncTarget {
  /** Names of the documents this side holds. */
  docNames (): Promise<string[]>
  /** Whether this side holds the document (asking creates nothing). */
  has (name: string): Promise<boolean>
  /** The document (created empty if new). */
  doc (name: string): Promise<Y.Doc>
  /** Calls back with a document's name whenever it changes (a document created later must be offered too). */
  onChange (listener: (name: string) => void): () => void
  /**
   * Whether this peer may make this change: undefined to apply it, the reason it is refused, WAIT when it
   * cannot be judged yet because it builds on changes this side lacks (they may come from another peer),
   * or SKIP when it brings nothing new. Without `accept`, every update is applied.
   */
  accept? (name: string, doc: Y.Doc, update: Uint8Array): Verdict
  /** Keeps a refused part of an update (judge.ts); without it, refused parts are dropped. */
  setAside? (name: string, part: UpdatePart, reason: string): void
  /** What of an update for the peer this side may send (a viewer sends nothing); without it, all. */
  share? (name: string, update: Uint8Array): Uint8Array
  /**
   * Writes this member's vouch for `doc` before `update` (shared) is sent (store/vouches.ts Voucher): every
   * editor vouches for its own changes whatever the transport, so a member who bridges them to a hub passes
   * on its writer's vouch with them.
   */
  vouch? (name: string, doc: Y.Doc, update: Uint8Array): void
}

const waits = (v: Verdict): v is { wait: true } => typeof v === 'object' && 'wait' in v

/** Where a session hands the presence updates it receives (presence.ts). */
export interface PresenceInbox { receive (update: Uint8Array): void }

/**
 * `maxFramesPerSecond` is an average over a burst allowance of five seconds' worth, so the first exchange
 * of a large workspace (two frames per document) is not mistaken for a flood.
 */
export interface SessionLimits { maxFrameBytes: number, maxDocs: number, maxFramesPerSecond: number }
export const DEFAULT_LIMITS: SessionLimits = { maxFrameBytes: 32 * 1024 * 1024, maxDocs: 200_000, maxFramesPerSecond: 20_000 }
const BURST_SECONDS = 5

const DOC_NAME = /^(workspace|vouches|account\/[a-z0-9-]{1,64})$/

export class SyncSession {
  /**
   * The origin of updates applied from this peer: not sent back to it, but relayed to other peers. The
   * store treats any `{ origin: 'remote' }` as a peer's change (persisted, never undone by us).
   */
  readonly origin = { origin: 'remote', session: this }
  /** The origin of a peer's update that may complete pending ones from other peers: forwarded to it as well. */
  private readonly relayOrigin = { origin: 'remote', session: this, relay: true }
  private readonly awaitingStep2 = new Set<string>()
  /** Every document named in this session, by either side: open here, or undefined while this side lacks it. */
  private readonly docs = new Map<string, Promise<Y.Doc | undefined>>()
  /** The documents named in this session that this side lacked then and has not opened since. */
  private readonly lacking = new Set<string>()
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
      if (!DOC_NAME.test(name)) return
      // New to the session: offered. Named by the peer while this side lacked it: it exists now, so it is opened.
      // A failure here (the store could not read the document) is set aside on purpose: the session goes on
      // with the other documents, and the next change to this one, or the next session, offers it again.
      if (!this.docs.has(name)) this.queue = this.queue.then(() => this.offer(name, true)).catch(setAside(`sync: offering ${name}`))
      else if (this.lacking.has(name)) this.queue = this.queue.then(async () => { await this.open(name) }).catch(setAside(`sync: opening ${name}`))
      if (this.held.has(name)) this.queue = this.queue.then(() => this.retryHeld(name)).catch(setAside(`sync: applying held updates of ${name}`))
    }))
    for (const name of (await this.target.docNames()).filter(n => DOC_NAME.test(n))) await this.offer(name, true)
    this.send(writeSignal(FRAME.DOCS_END))
  }

  /** Handles one frame; frames are processed in arrival order. Rejects with ProtocolError to end the session. */
  receive (data: Uint8Array): Promise<void> {
    if (!this.closed && !this.takeToken()) return Promise.reject(new ProtocolError(`more than ${this.limits.maxFramesPerSecond} frames per second`))
    const run = this.queue.then(() => this.handle(data))
    this.queue = run.catch(() => undefined) // not swallowed: the caller gets `run` and its rejection ends the session
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
        if (!this.docs.has(frame.doc)) {
          if (this.docs.size >= this.limits.maxDocs) throw new ProtocolError(`more than ${this.limits.maxDocs} documents in one session`)
          await this.offer(frame.doc, await this.target.has(frame.doc))
        }
        await this.applySync(frame.doc, frame.decoder)
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
  private async applySync (name: string, decoder: decoding.Decoder): Promise<void> {
    const doc = await this.docs.get(name)
    let type: number
    let update: Uint8Array
    try {
      type = decoding.readVarUint(decoder)
      if (type === syncProtocol.messageYjsSyncStep1) {
        // y-protocols' readSyncStep1, with what is sent passed through the target's `share`
        const lacking = this.share(name, Y.encodeStateAsUpdate(doc ?? absent(), decoding.readVarUint8Array(decoder)), doc)
        this.send(writeSyncFrame(name, enc => { encoding.writeVarUint(enc, syncProtocol.messageYjsSyncStep2); encoding.writeVarUint8Array(enc, lacking) }))
        return
      }
      if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) throw new Error(`unknown sync message type ${type}`)
      update = decoding.readVarUint8Array(decoder)
    } catch (err) {
      throw new ProtocolError(`bad sync message for ${name}: ${(err as Error).message}`)
    }
    // A refusal does not end the session: what was refused is set aside by the target (judge.ts), the rest applied.
    const verdict = await this.judgeAndApply(name, update)
    if (waits(verdict)) this.hold(name, update)
    if (type === syncProtocol.messageYjsSyncStep2) this.awaitingStep2.delete(name)
  }

  /**
   * Applies what the update brings if the target accepts it; returns the target's verdict. A document this
   * side lacks is judged as empty, and opened (created) only when the update is to be applied to it.
   */
  private async judgeAndApply (name: string, update: Uint8Array): Promise<Verdict> {
    const doc = await this.docs.get(name)
    const verdict = this.judgeAndApplyTo(name, doc ?? absent(), update)
    return verdict === undefined && doc === undefined ? this.judgeAndApplyTo(name, await this.open(name), update) : verdict
  }

  private judgeAndApplyTo (name: string, doc: Y.Doc, update: Uint8Array): Verdict {
    try {
      // Yjs holds an update that builds on one it lacks as pending and emits it inside the update that
      // completes it; when that comes from this peer, the pending part (from any peer) is news to it too,
      // so the result is given an origin that is not filtered as an echo.
      return judgeAndApply(name, doc, update, this.target.accept?.bind(this.target), d =>
        d.store.pendingStructs !== null || d.store.pendingDs !== null ? this.relayOrigin : this.origin, this.target.setAside?.bind(this.target))
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
   * Judges a document's held updates again after it changed. What is refused now is set aside (judge.ts).
   */
  private async retryHeld (name: string): Promise<void> {
    const updates = this.held.get(name)
    if (!updates || this.closed) return
    this.held.delete(name)
    for (const update of updates) {
      this.heldBytes -= update.length
      if (waits(await this.judgeAndApply(name, update))) this.hold(name, update)
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

  /**
   * Sends step 1 for a document and, when this side has it (`present`), starts forwarding its local
   * changes; one it lacks is asked for with an empty state vector.
   */
  private async offer (name: string, present: boolean): Promise<void> {
    if (this.docs.has(name)) return
    const opening = present ? this.target.doc(name).then(doc => this.forward(name, doc)) : Promise.resolve(undefined)
    this.docs.set(name, opening)
    if (!present) this.lacking.add(name)
    this.awaitingStep2.add(name)
    const doc = await opening
    this.send(writeSyncFrame(name, enc => syncProtocol.writeSyncStep1(enc, doc ?? absent())))
  }

  /**
   * The document, opened (created if new) if this side lacked it when it was named. Whatever it holds by
   * then — a local edit, another peer's changes — is sent to the peer, which has had no step 2 with it.
   */
  private open (name: string): Promise<Y.Doc> {
    const opening = (this.docs.get(name) ?? Promise.resolve(undefined)).then(async known => {
      if (known) return known
      this.lacking.delete(name)
      const doc = this.forward(name, await this.target.doc(name))
      const whole = doc.store.clients.size > 0 ? this.share(name, Y.encodeStateAsUpdate(doc), doc) : undefined
      if (!this.closed && whole && hasStructs(whole)) this.send(writeSyncFrame(name, enc => syncProtocol.writeUpdate(enc, whole)))
      return doc
    })
    this.docs.set(name, opening)
    return opening
  }

  /** Forwards the document's changes to the peer while the session lives. */
  private forward (name: string, doc: Y.Doc): Y.Doc {
    if (this.closed) return doc
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === this.origin) return // never echo a peer's own updates back to it
      const shared = this.share(name, update, doc)
      if (hasStructs(shared)) this.send(writeSyncFrame(name, enc => syncProtocol.writeUpdate(enc, shared)))
    }
    doc.on('update', onUpdate)
    this.unsubscribe.push(() => doc.off('update', onUpdate))
    return doc
  }

  /** What of `update` may go to the peer; with `doc`, this member's vouch for it is written first (sent ahead of it). */
  private share (name: string, update: Uint8Array, doc?: Y.Doc): Uint8Array {
    const shared = this.target.share ? this.target.share(name, update) : update
    if (doc && !this.closed) this.target.vouch?.(name, doc, shared)
    return shared
  }

  private checkSynced (): void {
    if (!this.sentSynced && this.peerDocsEnd && this.awaitingStep2.size === 0) {
      this.sentSynced = true
      this.send(writeSignal(FRAME.SYNCED))
    }
    if (this.sentSynced && this.peerSynced) this.resolveSynced()
  }
}

/** Whether an update holds anything (an empty v1 update is two zero bytes: no structs, no deletions). */
function hasStructs (update: Uint8Array): boolean {
  return update.length > 2
}
