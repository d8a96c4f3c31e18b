/**
 * One document's exchange with a hub, whatever the hub's kind: the transport (hub/ywebsocket.ts: a WebSocket
 * per room; hub/hocuspocus.ts: one WebSocket for every room) hands it the hub's y-protocols sync messages
 * and a channel to send its own.
 *
 *   begin        → we send step 1 (our state vector): the hub answers with step 2, what we lack
 *   hub's step 1 → we answer with step 2 (what the hub lacks); after the first one we also send step 1
 *                  again: the probe
 *   step 2 / update from the hub → judged by the roster rules and applied (or skipped, held, refused)
 *   the hub's step 2 answering the probe → in sync (`synced`); a one-shot room then ends
 *
 * Why the probe: y-websocket has no acknowledgement, and closing right after sending could lose our step 2
 * if the hub had not read it yet. A WebSocket delivers in order and both servers handle a document's
 * messages in order, so its answer to a step 1 sent after our step 2 proves the step 2 was applied there —
 * and the answer also brings whatever reached the hub in between. The stock y-websocket server sends its
 * step 1 once, as the connection opens; Hocuspocus answers every step 1 with its own step 1 and the step 2,
 * which is why only the first is followed by a probe. A hub that never sends a step 1 leaves the room
 * waiting until the caller's timeout.
 *
 * A live room (hub/link.ts) stays open once in sync: every change of the document made here (by this
 * member or a peer) is sent as an update as it happens, and the hub's updates are applied as they come.
 *
 * What the hub sends is applied only through `target.accept` (the roster rules, store/sync-target.ts; the
 * hub is an editor at most), of an update only what this side lacks (judge.ts), with the room's remote
 * origin (stored as a peer's change, never undone here, never sent back to the hub). SKIP (nothing new,
 * e.g. the hub echoing our own change) is not applied; WAIT (it builds on changes this side lacks) is not
 * applied this time — the hub offers it again on the next exchange. A refused update does not end the room:
 * its refused parts are set aside (judge.ts, `target.setAside`), the rest applied, and `outcome.refused`
 * says why. An undecodable message or an update that fails to apply ends the room: nothing of that message
 * is applied, and the outcome says why.
 *
 * A document this side lacks is judged against an empty stand-in and created only when an update with
 * something in it is accepted, so a hub naming nothing — an empty room — leaves nothing behind.
 *
 * Vouches (store/vouches.ts): before this member's content is sent, its vouch for the document is written
 * (`target.vouch`; the `vouches` room sends it — on a Hocuspocus connection, ahead of the content). An update
 * from the hub with parts no member who may write vouches for is applied in part: those parts are held, and
 * kept here (at most MAX_HELD updates) to be judged again when `retry` is called (the vouches or the roster
 * changed); the hub offers them again at the next exchange anyway, and the target sets them aside once they
 * have waited long enough.
 */
import * as Y from 'yjs'
import type { InputError } from '../../domain/index.js'
import { WAIT, type WorkspaceSyncTarget } from '../../store/index.js'
import { ProtocolError } from '../frames.js'
import { step1, type SyncMessage } from './protocol.js'
import { absent, judgeAndApply } from '../judge.js'

export interface RoomOutcome {
  /** The document's name (`workspace`, `account/<id>`). */
  name: string
  /** We applied changes from the hub. */
  received: boolean
  /** We sent the hub changes it lacked. */
  sent: boolean
  /** An update from the hub that builds on changes this side lacks was left for next time. */
  held: boolean
  /** Why the room ended early (undefined when it synced). */
  error?: string
  /** Why a change the hub sent was refused and set aside (the first reason), while the room went on. */
  refused?: string
}

/** How a room sends to the hub; `close` ends the room's part of the connection (`failed`: it broke the protocol). */
export interface RoomChannel {
  send (message: SyncMessage): void
  close (failed: boolean): void
}

export interface RoomOptions {
  name: string
  target: WorkspaceSyncTarget
  /** Stay open once in sync, sending local changes and applying the hub's (hub/link.ts). */
  live: boolean
  /** The origin the hub's updates are applied with: `{ origin: 'remote', … }`, one per hub connection. */
  origin: object
  /** Called once, when the room has ended (for whatever reason). */
  onEnd?: (room: HubRoom) => void
  /** Called when changes from the hub were applied. */
  onReceived?: (room: HubRoom) => void
  /** Called once the room is open at the hub (`begin`): the link opens the vouches room only then. */
  onOpen?: (room: HubRoom) => void
  /**
   * Nothing is sent or judged before this settles (the workspace room waits for the vouches room to be in
   * sync, yet is opened first, so that a refused token is named for the workspace).
   */
  after?: Promise<unknown>
}

export class HubRoom {
  readonly name: string
  readonly outcome: RoomOutcome
  /** Resolves once in sync, or with the outcome's error when the room ended first; rejects on `refuse`. */
  readonly synced: Promise<RoomOutcome>
  private resolve!: (o: RoomOutcome) => void
  private reject!: (err: Error) => void
  private doc: Y.Doc | undefined
  private channel: RoomChannel | undefined
  private queue = Promise.resolve()
  private step1Sent = 0
  private step2Received = 0
  private probe = Infinity // the number of the step 1 whose answer means "in sync"
  private inSync = false
  private done = false
  private unforward: (() => void) | undefined
  /** Updates from the hub with parts held for want of a vouch, newest last. */
  private held: Uint8Array[] = []
  /** Resolvers waiting for the answer to a step 1 (`resync`), by the step 1's number. */
  private readonly answers = new Map<number, () => void>()

  constructor (private readonly opts: RoomOptions) {
    this.name = opts.name
    this.outcome = { name: opts.name, received: false, sent: false, held: false }
    this.synced = new Promise((resolve, reject) => { this.resolve = resolve; this.reject = reject })
    this.synced.catch(() => undefined) // the caller may not be waiting on it (a live room)
    if (opts.after) this.queue = opts.after.then(() => undefined, () => undefined) // it only orders: its failure is the other room's
  }

  get ended (): boolean { return this.done }
  get isLive (): boolean { return this.opts.live && this.inSync && !this.done }

  /** The room is open at the hub: opens the document if this side has it and sends step 1. */
  begin (channel: RoomChannel): void {
    this.channel = channel
    this.opts.onOpen?.(this)
    this.run(async () => {
      if (await this.opts.target.has(this.name)) this.forward(await this.opts.target.doc(this.name))
      this.send(step1(this.doc ?? absent()))
      this.step1Sent++
    })
  }

  /** One sync message from the hub; handled in arrival order. */
  receive (message: SyncMessage): void {
    this.run(() => this.handle(message))
  }

  /** A live room's document changed here: one this room lacked is opened and sent whole. */
  changed (): void {
    if (this.doc || !this.opts.live || !this.channel) return // not open yet: its step 1 exchange will carry the change
    this.run(async () => {
      if (this.doc || !await this.opts.target.has(this.name)) return
      const doc = this.forward(await this.opts.target.doc(this.name))
      const whole = doc.store.clients.size > 0 ? this.opts.target.share(this.name, Y.encodeStateAsUpdate(doc)) : undefined
      if (!whole || !hasContent(whole)) return
      this.opts.target.vouch?.(this.name, doc)
      this.send({ type: 'update', update: whole })
    })
  }

  /** The vouches or the roster changed: held updates are judged again. */
  retry (): void {
    if (this.held.length === 0 || !this.doc) return
    this.run(async () => {
      const held = this.held
      this.held = []
      for (const update of held) await this.apply(update)
    })
  }

  /**
   * Sends what the hub lacks again and resolves once the hub has answered a step 1 sent after it (a one-shot
   * exchange ends its live `vouches` room so: the vouches written during the exchange are at the hub).
   */
  resync (): Promise<void> {
    return new Promise(resolve => {
      if (this.done || !this.channel) { resolve(); return }
      this.run(async () => {
        const doc = this.doc ?? (await this.opts.target.has(this.name) ? this.forward(await this.opts.target.doc(this.name)) : undefined)
        if (doc) {
          const whole = this.opts.target.share(this.name, Y.encodeStateAsUpdate(doc))
          if (hasContent(whole)) this.send({ type: 'update', update: whole })
        }
        this.send(step1(doc ?? absent()))
        this.answers.set(++this.step1Sent, resolve)
      })
      void this.synced.then(() => { if (this.done) resolve() }) // ended meanwhile
    })
  }

  /** Ends the room: `error` says why it ended early (undefined: done). The channel is closed. */
  end (error?: string): void {
    if (this.done) return
    this.done = true
    if (error !== undefined) this.outcome.error = error
    this.unforward?.()
    for (const resolve of this.answers.values()) resolve()
    this.channel?.close(error !== undefined)
    this.resolve(this.outcome)
    this.opts.onEnd?.(this)
  }

  /** The hub cannot be reached, or refused us: `synced` rejects with `err` (an InputError naming it). */
  refuse (err: InputError): void {
    if (this.done) return
    this.done = true
    this.outcome.error = err.message
    this.unforward?.()
    this.reject(err)
    this.opts.onEnd?.(this)
  }

  private run (task: () => Promise<void>): void {
    this.queue = this.queue.then(async () => { if (!this.done) await task() })
      .catch((err: Error) => this.end(err instanceof ProtocolError ? err.message : `internal error: ${err.message}`))
  }

  private send (message: SyncMessage): void {
    if (!this.done) this.channel?.send(message) // before `begin`, the exchange to come carries it
  }

  private async handle (message: SyncMessage): Promise<void> {
    switch (message.type) {
      case 'step1': {
        let lacking: Uint8Array
        try {
          lacking = Y.encodeStateAsUpdate(this.doc ?? absent(), message.stateVector)
        } catch (err) {
          throw new ProtocolError(`bad state vector: ${(err as Error).message}`)
        }
        // This member's vouch first, whether or not the hub lacks anything: a vouch it lacked may be what holds
        // this member's content back elsewhere (it writes nothing when the vouch would not grow).
        if (this.doc) this.opts.target.vouch?.(this.name, this.doc)
        lacking = this.opts.target.share(this.name, lacking) // a viewer sends nothing (store/sync-target.ts)
        this.outcome.sent ||= hasContent(lacking)
        this.send({ type: 'step2', update: lacking })
        if (this.probe === Infinity) {
          this.send(step1(this.doc ?? absent()))
          this.probe = ++this.step1Sent
        }
        return
      }
      case 'step2':
        await this.apply(message.update)
        this.answers.get(++this.step2Received)?.()
        this.answers.delete(this.step2Received)
        if (this.step2Received >= this.probe && !this.inSync) {
          this.inSync = true
          this.resolve(this.outcome)
          if (!this.opts.live) this.end()
        }
        return
      case 'update':
        await this.apply(message.update)
    }
  }

  /** Applies what the hub sends, if the roster rules let it; opens the document only to apply to it. */
  private async apply (update: Uint8Array): Promise<void> {
    const { target, origin } = this.opts
    const judge = (doc: Y.Doc) => {
      try {
        return judgeAndApply(this.name, doc, update, target.accept, () => origin, target.setAside, target.hold)
      } catch (err) {
        throw new ProtocolError(`bad update: ${(err as Error).message}`)
      }
    }
    let verdict = judge(this.doc ?? absent())
    if (verdict === undefined && !this.doc) verdict = judge(this.forward(await target.doc(this.name))) // judged again against the document as it is now
    if (typeof verdict === 'string') this.outcome.refused ??= verdict // set aside by the target; the room goes on
    if (verdict === WAIT || (typeof verdict === 'object' && 'wait' in verdict)) {
      this.outcome.held = true
      if (target.hold) this.held = [...this.held.slice(1 - MAX_HELD), update]
    }
    if (verdict !== undefined) return
    this.outcome.received = true
    if (this.doc) target.released?.(this.name, this.doc)
    this.opts.onReceived?.(this)
  }

  /** The room's document from now on; a live room sends its changes (not the hub's own) as they happen. */
  private forward (doc: Y.Doc): Y.Doc {
    this.doc = doc
    if (this.opts.live && !this.unforward) {
      const onUpdate = (update: Uint8Array, origin: unknown) => {
        if (origin === this.opts.origin) return
        const shared = this.opts.target.share(this.name, update)
        if (!hasContent(shared)) return
        this.opts.target.vouch?.(this.name, doc, shared) // written first: its room sends it ahead of the change
        this.send({ type: 'update', update: shared })
      }
      doc.on('update', onUpdate)
      this.unforward = () => doc.off('update', onUpdate)
    }
    return doc
  }
}

/** Held updates a room keeps for `retry` (the hub offers them again at the next exchange in any case). */
const MAX_HELD = 32

function hasContent (update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update)
  return structs.length > 0 || ds.clients.size > 0
}
