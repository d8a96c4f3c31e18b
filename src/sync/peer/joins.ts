/**
 * The join path of a listening peer node: a connection from a key not yet in the roster that presents an
 * invite (transport.ts lets it in for this alone). Its first frame must be a JOIN; the invite is checked and
 * spent and the member added (invite.ts `acceptJoin`), JOINED tells them their role, and their session starts.
 * Joins are admitted one at a time, so an invite cannot be spent twice by two racing joiners; a connection
 * that sends nothing within JOIN_TIMEOUT_MS is closed, and a refused join is closed with its reason.
 */
import { InputError } from '../../domain/index.js'
import type { Store } from '../../store/index.js'
import { FRAME, readFrame, writeJoined } from '../frames.js'
import { acceptJoin } from '../invite.js'
import type { PeerConnection } from '../transport.js'

const JOIN_TIMEOUT_MS = 10_000

export class JoinQueue {
  private joins: Promise<void> = Promise.resolve()

  constructor (
    private readonly store: Store,
    private readonly log: (line: string) => void,
    /** Starts the new member's session. */
    private readonly attach: (conn: PeerConnection) => void
  ) {}

  /** Waits for the join request on `conn`, then queues it. */
  onJoin (conn: PeerConnection): void {
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
}
