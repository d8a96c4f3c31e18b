/**
 * A peer node's live sessions: one SyncSession per connection, with the workspace as target
 * (store/sync-target.ts: what each member's role lets them change) and, when the node has a Presence,
 * presence riding on the same connection as AWARENESS frames (presence.ts). A session that breaks a rule
 * ends alone, with its reason logged and told to the peer (unless the peer is the one that ended it); the
 * connection closing ends it too. Each start, sync and end is reported to the status board (peer/status.ts).
 */
import { workspaceSyncTarget, type Store } from '../../store/index.js'
import type { Voucher } from '../../store/vouches.js'
import { writeAwareness } from '../frames.js'
import type { PeerStatusBoard } from './status.js'
import type { Presence, PresenceLink } from '../presence.js'
import { SyncSession, type SessionLimits } from '../session.js'
import type { PeerConnection } from '../transport.js'

export interface LiveSession {
  conn: PeerConnection
  peerId: string
  /** Where this node dialled the peer; none when the peer dialled in. */
  address?: string
  session: SyncSession
  /** Whether both sides have been up to date since the session started. */
  synced: boolean
  /** Resolves with the reason when the session ends. */
  closed: Promise<string>
  end (reason: string, tellPeer: boolean): void
}

export interface SessionsOptions {
  store: Store
  board: PeerStatusBoard
  presence?: Presence
  limits?: Partial<SessionLimits>
  log: (line: string) => void
  /** Where changes set aside are reported, once (default: `log`). */
  report?: (line: string) => void
}

export class PeerSessions {
  private readonly live = new Set<LiveSession>()
  /** Writes this member's vouches before its content goes to a peer (store/vouches.ts; set by the node, loaded). */
  voucher: Voucher | undefined

  constructor (private readonly opts: SessionsOptions) {}

  /** The sessions running now. */
  list (): LiveSession[] { return [...this.live] }

  /** Runs a session over `conn` (dialled at `address`, or accepted when none). */
  attach (conn: PeerConnection, address?: string): LiveSession {
    const { store, board, presence, limits, log, report } = this.opts
    const peerId = conn.peerId
    const target = workspaceSyncTarget(store.ws, () => store.roster.role(peerId), { label: `peer ${store.roster.get(peerId)?.name ?? peerId.slice(0, 12)}`, log: report ?? log }, undefined, this.voucher)
    const link: PresenceLink | undefined = presence?.link(update => conn.send(writeAwareness(update)))
    const session = new SyncSession(target, frame => conn.send(frame), limits, link)
    let resolveClosed!: (reason: string) => void
    let ended = false
    const live: LiveSession = {
      conn,
      peerId,
      session,
      synced: false,
      ...(address ? { address } : {}),
      closed: new Promise(resolve => { resolveClosed = resolve }),
      end: (reason, tellPeer) => {
        if (ended) return
        ended = true
        session.close()
        link?.close()
        this.live.delete(live)
        conn.close(reason, tellPeer)
        log(`session with ${board.nameOf(peerId)} ${address ? `at ${address} ` : ''}ended: ${reason}`)
        resolveClosed(reason)
        board.changed()
      }
    }
    this.live.add(live)
    const known = board.met(peerId, address)
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
      board.synced(peerId, known, address)
    })
    board.changed()
    return live
  }
}
