/**
 * How a peer node reaches other peers. `dial` connects over mutual TLS (transport.ts) and checks the peer
 * against the roster (peer/roster.ts) before any session starts; a refused peer is named, with the reason the
 * other side gave if it refused us first. `keepConnected` keeps one address connected while the node runs:
 * a lost peer — also one that stopped answering keepalive pings (transport.ts) — is dialled again with
 * bounded, jittered exponential backoff (backoff.ts), starting afresh after a session that reached sync; a
 * failure is logged when it differs from the last one. An address that turns out to be this member's own
 * node is given up.
 */
import { InputError } from '../../domain/index.js'
import { urlOf } from '../address.js'
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from '../backoff.js'
import { FRAME, readFrame } from '../frames.js'
import type { LiveSession } from './sessions.js'
import { connect, type Keepalive, type PeerConnection, type TlsIdentity } from '../transport.js'

const REFUSAL_WAIT_MS = 2000
const CONNECT_TIMEOUT_MS = 10_000

export interface DialerOptions {
  tls: TlsIdentity
  me: string
  backoff?: BackoffOptions
  connectTimeoutMs?: number
  keepalive?: Keepalive
  log: (line: string) => void
  /** Why a peer may not hold a session (the roster's verdict); none when it may. */
  refusal: (id: string) => string | undefined
  /** Runs a session over a dialled connection. */
  attach: (conn: PeerConnection, address: string) => LiveSession
}

export class PeerDialer {
  private readonly dialers = new Map<string, { timer?: NodeJS.Timeout }>()
  private stopped = false

  constructor (private readonly opts: DialerOptions) {}

  /** Connects to the peer at `address` and starts a session with it. */
  async dial (address: string): Promise<LiveSession> {
    const { tls, connectTimeoutMs, keepalive } = this.opts
    const conn = await connect({ url: urlOf(address), identity: tls, timeoutMs: connectTimeoutMs ?? CONNECT_TIMEOUT_MS, ...(keepalive ? { keepalive } : {}) })
    if (conn.peerId === this.opts.me) { conn.close(); throw new OwnPeer() }
    const refused = this.opts.refusal(conn.peerId)
    if (refused) {
      // The other side may have refused us first: its reason is the one worth showing.
      const theirs = await refusalOf(conn, REFUSAL_WAIT_MS)
      conn.close()
      throw new InputError(theirs ? `${address} refused the connection: ${theirs}` : `the peer at ${address} (member id ${conn.peerId}) is not a member of this team`)
    }
    return this.opts.attach(conn, address)
  }

  /** Keeps a connection to the peer at `address`, redialling with backoff until `stop`. */
  keepConnected (address: string): void {
    if (this.stopped || this.dialers.has(address)) return
    const dialer: { timer?: NodeJS.Timeout } = {}
    this.dialers.set(address, dialer)
    let attempt = 0
    let lastError = ''
    const run = async (): Promise<void> => {
      if (this.stopped) return
      try {
        const live = await this.dial(address)
        lastError = ''
        await live.closed
        attempt = live.synced ? 0 : attempt
      } catch (err) {
        if (err instanceof OwnPeer) { this.dialers.delete(address); return }
        const message = (err as Error).message
        if (message !== lastError) this.opts.log(`peer ${address}: ${message}; trying again with backoff`)
        lastError = message
      }
      attempt++
      if (!this.stopped) dialer.timer = setTimeout(() => { void run() }, backoffDelay(attempt, this.opts.backoff ?? DEFAULT_BACKOFF))
    }
    void run()
  }

  /** Stops redialling. */
  stop (): void {
    this.stopped = true
    for (const d of this.dialers.values()) clearTimeout(d.timer)
  }
}

class OwnPeer extends Error {
  constructor () { super('this address is this member\'s own peer') }
}

/** The reason the other side gives for refusing us (an ERROR frame, or its close reason), if it does soon. */
function refusalOf (conn: PeerConnection, ms: number): Promise<string | undefined> {
  return new Promise(resolve => {
    const timer = setTimeout(() => resolve(undefined), ms)
    conn.onFrame(data => {
      try {
        const frame = readFrame(data)
        if (frame.type === FRAME.ERROR) { clearTimeout(timer); resolve(frame.reason) }
      } catch { /* not a refusal */ }
    })
    conn.onClose(reason => { clearTimeout(timer); resolve(reason || undefined) })
  })
}
