/**
 * The roster's say over a peer node's sessions: any member the roster does not refuse (store/roster.ts:
 * one who has not been removed) may hold one, but never this member's own key. The listener asks before any
 * document is sent, a dialled peer is checked the same way (peer/dialer.ts), and when the roster changes the
 * sessions with members it now refuses end at once, telling them why. A refused key is logged once a minute
 * at most, so a removed member's redialling cannot flood the log.
 */
import type { Store } from '../../store/index.js'
import type { LiveSession } from './sessions.js'

const LOG_REFUSAL_EVERY_MS = 60_000
/** Keys whose last refusal is remembered at most; beyond them all are forgotten rather than the map growing. */
const MAX_REFUSED = 1000

export class RosterGuard {
  private readonly refusedAt = new Map<string, number>()

  constructor (private readonly store: Store, private readonly log: (line: string) => void) {}

  /** Why `id` may not hold a session with this node; none when it may. */
  refusal (id: string): string | undefined {
    if (id === this.store.ws.member.id) return 'that is this member\'s own key'
    return this.store.roster.refusal(id)
  }

  /** The listener's verdict on a connecting key; refusals are logged (once a minute per key). */
  authorize (id: string): true | string {
    const refused = this.refusal(id)
    if (!refused) return true
    const last = this.refusedAt.get(id) ?? 0
    if (Date.now() - last > LOG_REFUSAL_EVERY_MS) this.log(`refused a connection from ${id}: ${refused}`)
    if (this.refusedAt.size > MAX_REFUSED) this.refusedAt.clear()
    this.refusedAt.set(id, Date.now())
    return refused
  }

  /** Ends the sessions with members the roster now refuses (after a change to it). */
  enforce (sessions: readonly LiveSession[]): void {
    for (const l of sessions) {
      const refused = this.refusal(l.peerId)
      if (refused) l.end(refused, true)
    }
  }
}
