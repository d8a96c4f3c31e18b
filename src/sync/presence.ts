/**
 * Presence: who is online and which account they have open, as y-protocols awareness states carried in
 * AWARENESS frames over the sync connections (frames.ts). A peer has one Awareness (on a Y.Doc of its
 * own, never stored) holding its local state `{ member, name, account? }`, and relays what it hears on
 * one connection to its others, so a member sees everyone reachable through the peers it is connected to.
 * The states a connection brought are removed when it closes; Awareness itself drops a state that is not
 * renewed for 30 s (a peer that vanished without closing). States are checked before they are shown — a
 * member could send anything — and a connection may not bring more than MAX_STATES of them.
 */
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { ProtocolError } from './frames.js'

export interface PresenceState { member: string, name: string, account?: string }

/** One connection's share of presence: what it receives goes in, what changes elsewhere goes out. */
export interface PresenceLink {
  receive (update: Uint8Array): void
  close (): void
}

const MAX_STATES = 64
const MEMBER_ID = /^[A-Z2-7-]{1,80}$/
const ACCOUNT_ID = /^[a-z0-9-]{1,64}$/

type Changes = { added: number[], updated: number[], removed: number[] }

export class Presence {
  private readonly awareness: Awareness
  private readonly doc = new Y.Doc()

  constructor (private readonly self: { member: string, name: string }) {
    this.awareness = new Awareness(this.doc)
    this.awareness.setLocalState({ member: self.member, name: self.name })
  }

  /** Says which account this member has open (undefined: none). */
  view (account: string | undefined): void {
    if (this.awareness.getLocalState()?.account === account) return
    this.awareness.setLocalState({ member: this.self.member, name: this.self.name, ...(account ? { account } : {}) })
  }

  /** The other members present, one entry per member (their latest state). */
  others (): PresenceState[] {
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
    this.awareness.on('change', l)
    return () => this.awareness.off('change', l)
  }

  /** Joins a connection: sends what is known now and every change not from this connection. */
  link (send: (update: Uint8Array) => void): PresenceLink {
    const aw = this.awareness
    const controlled = new Set<number>()
    const link: PresenceLink = {
      receive: update => {
        try {
          applyAwarenessUpdate(aw, update, link)
        } catch (err) {
          throw new ProtocolError(`bad presence update: ${(err as Error).message}`)
        }
        if (controlled.size > MAX_STATES) throw new ProtocolError(`more than ${MAX_STATES} presence states from one peer`)
      },
      close: () => {
        aw.off('update', onUpdate)
        removeAwarenessStates(aw, [...controlled], link)
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

  destroy (): void {
    removeAwarenessStates(this.awareness, [this.awareness.clientID], 'destroy')
    this.awareness.destroy()
    this.doc.destroy()
  }
}

function valid (state: Record<string, unknown>): PresenceState | undefined {
  const { member, name, account } = state
  if (typeof member !== 'string' || !MEMBER_ID.test(member)) return undefined
  if (typeof name !== 'string' || name.length === 0 || name.length > 80) return undefined
  if (account !== undefined && (typeof account !== 'string' || !ACCOUNT_ID.test(account))) return undefined
  return { member, name: name.replace(/\s+/g, ' '), ...(account ? { account } : {}) }
}
