/**
 * Presence: who is online and which account they have open, as y-protocols awareness states carried in
 * AWARENESS frames over the sync connections (frames.ts). A peer has one Awareness (on a Y.Doc of its
 * own, never stored) holding its local state `{ member, name, account? }`, and relays what it hears on
 * one connection to its others, so a member sees everyone reachable through the peers it is connected to.
 * The states a connection brought are removed when it closes; Awareness itself drops a state that is not
 * renewed for 30 s (a peer that vanished without closing). States are checked before they are shown — a
 * member could send anything — and a connection may not bring more than MAX_STATES of them, nor more than
 * MAX_ENTRIES entries in one update.
 *
 * Awareness also keeps a clock record (`meta`) of every client it has ever seen, state or not, so that a late
 * update with an older clock cannot bring back a state already removed. Left alone that table only grows (a
 * peer can cycle through client ids, and every app start is a new one), so a record of a client without a
 * state is dropped once it is older than the awareness timeout — a state brought back after that would time
 * out again by itself — and beyond MAX_FORGOTTEN such records the oldest go at once.
 */
import * as decoding from 'lib0/decoding'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, outdatedTimeout, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { ProtocolError } from './frames.js'

export interface PresenceState { member: string, name: string, account?: string }

/** One connection's share of presence: what it receives goes in, what changes elsewhere goes out. */
export interface PresenceLink {
  receive (update: Uint8Array): void
  close (): void
}

const MAX_STATES = 64
const MAX_ENTRIES = 4 * MAX_STATES
const MAX_FORGOTTEN = 256
/** How often, at most, records are checked for age (the table is checked for size at every update). */
const CHECK_AGE_MS = outdatedTimeout / 10
const MEMBER_ID = /^[A-Z2-7-]{1,80}$/
const ACCOUNT_ID = /^[a-z0-9-]{1,64}$/

type Changes = { added: number[], updated: number[], removed: number[] }

export class Presence {
  /**
   * Made when first needed — a connection joining (`link`), or a state to keep beside others' — not when the
   * app starts: its document draws a random client id, and the first random number loads node:crypto
   * (~8 ms before the app's first key, docs/startup.md). Until then this member's state is `local`.
   */
  private made: { awareness: Awareness, doc: Y.Doc } | undefined
  private local: PresenceState
  private readonly listeners = new Set<() => void>()
  private checkedAt = 0
  private closed = false

  constructor (private readonly self: { member: string, name: string }) {
    this.local = { member: self.member, name: self.name }
  }

  private get awareness (): Awareness {
    if (!this.made) {
      const doc = new Y.Doc()
      const awareness = new Awareness(doc)
      awareness.setLocalState({ ...this.local })
      for (const l of this.listeners) awareness.on('change', l)
      this.made = { awareness, doc }
      // Asked for after destroy (a connection closing late): an awareness that runs no timer, as before.
      if (this.closed) { awareness.destroy(); doc.destroy() }
    }
    return this.made.awareness
  }

  /** Says which account this member has open (undefined: none). */
  view (account: string | undefined): void {
    if (this.local.account === account) return
    this.local = { member: this.self.member, name: this.self.name, ...(account ? { account } : {}) }
    this.made?.awareness.setLocalState({ ...this.local })
  }

  /** The other members present, one entry per member (their latest state). */
  others (): PresenceState[] {
    if (!this.made) return []
    const seen = new Map<string, PresenceState>()
    for (const [client, state] of this.awareness.getStates()) {
      if (client === this.awareness.clientID) continue
      const s = valid(state)
      if (s && s.member !== this.self.member) seen.set(s.member, s)
    }
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name))
  }

  onChange (listener: () => void): () => void {
    const l = () => listener()
    this.listeners.add(l)
    this.made?.awareness.on('change', l)
    return () => { this.listeners.delete(l); this.made?.awareness.off('change', l) }
  }

  /** Joins a connection: sends what is known now and every change not from this connection. */
  link (send: (update: Uint8Array) => void): PresenceLink {
    const aw = this.awareness
    const controlled = new Set<number>()
    const link: PresenceLink = {
      receive: update => {
        try {
          if (decoding.readVarUint(decoding.createDecoder(update)) > MAX_ENTRIES) throw new ProtocolError(`more than ${MAX_ENTRIES} entries in one presence update`)
          applyAwarenessUpdate(aw, update, link)
        } catch (err) {
          if (err instanceof ProtocolError) throw err
          throw new ProtocolError(`bad presence update: ${(err as Error).message}`)
        } finally {
          this.forget()
        }
        if (controlled.size > MAX_STATES) throw new ProtocolError(`more than ${MAX_STATES} presence states from one peer`)
      },
      close: () => {
        aw.off('update', onUpdate)
        removeAwarenessStates(aw, [...controlled], link)
        this.forget()
      }
    }
    const onUpdate = ({ added, updated, removed }: Changes, origin: unknown) => {
      if (origin === link) {
        for (const c of [...added, ...updated]) controlled.add(c)
        for (const c of removed) controlled.delete(c)
        return
      }
      send(encodeAwarenessUpdate(aw, [...added, ...updated, ...removed]))
    }
    aw.on('update', onUpdate)
    send(encodeAwarenessUpdate(aw, [...aw.getStates().keys()]))
    return link
  }

  /** Drops the clock records of clients without a state that are old, or too many (see the top). */
  private forget (): void {
    const { meta, states } = this.awareness
    const now = Date.now()
    const stateless = meta.size - states.size // every client with a state has a record
    if (stateless <= MAX_FORGOTTEN && now - this.checkedAt < CHECK_AGE_MS) return
    this.checkedAt = now
    const gone = [...meta].filter(([client]) => !states.has(client)).sort((x, y) => x[1].lastUpdated - y[1].lastUpdated)
    const old = gone.findIndex(([, m]) => now - m.lastUpdated < outdatedTimeout)
    const drop = Math.max(old === -1 ? gone.length : old, gone.length - MAX_FORGOTTEN / 2)
    for (const [client] of gone.slice(0, drop)) meta.delete(client)
  }

  destroy (): void {
    this.closed = true
    this.listeners.clear()
    if (!this.made) return
    const { awareness, doc } = this.made
    removeAwarenessStates(awareness, [awareness.clientID], 'destroy')
    awareness.destroy()
    doc.destroy()
  }
}

function valid (state: Record<string, unknown>): PresenceState | undefined {
  const { member, name, account } = state
  if (typeof member !== 'string' || !MEMBER_ID.test(member)) return undefined
  if (typeof name !== 'string' || name.length === 0 || name.length > 80) return undefined
  if (account !== undefined && (typeof account !== 'string' || !ACCOUNT_ID.test(account))) return undefined
  return { member, name: name.replace(/\s+/g, ' '), ...(account ? { account } : {}) }
}
