/**
 * The peer transport: WebSocket (`ws`) over mutual TLS 1.3 with member certificates (certificate.ts).
 * Each side proves its member id by its certificate; the listener asks `authorize(memberId)` before a
 * single document frame flows, and refuses a non-member with an ERROR frame ("not a member of this
 * team") and a close. The connecting side checks the listener's id the same way. Messages are binary
 * frames (frames.ts), at most `maxFrameBytes` each (ws enforces it before buffering more).
 *
 * Keepalive: each side pings (WebSocket ping frames, answered by the peer's ws with pong) every
 * `intervalMs`, and terminates the connection when `missed` pings in a row went unanswered — a peer that
 * vanished without closing (a paused process, a pulled cable) is noticed within (missed + 1) × intervalMs
 * instead of whenever the operating system gives up, and the close tells the session and the redialler.
 * Any frame from the peer counts as an answer too (a pong may queue behind a large frame).
 *
 * Two paths: `/` for members, `/join` for someone holding an invite. A join connection skips `authorize`
 * (the newcomer is not in the roster yet) and goes to `onJoin`, which must see the invite proven before
 * anything else is sent (invite.ts); a listener without `onJoin` refuses the path like a non-member.
 */
import { createServer, type Server } from 'node:https'
import type { TLSSocket } from 'node:tls'
import { WebSocket, WebSocketServer } from 'ws'
import { peerKeyOf } from './identity.js'
import { writeError } from './frames.js'

export interface TlsIdentity { key: string, cert: string }

export interface PeerConnection {
  peerId: string
  /** The peer's public key (PEM), as its certificate proved it. */
  peerPublicKey: string
  send (frame: Uint8Array): void
  /** Sets the one frame listener (undefined: none); frames arriving while there is none wait for the next. */
  onFrame (listener: ((frame: Uint8Array) => void) | undefined): void
  onClose (listener: (reason: string) => void): void
  /** Closes; with `asError` (the default) the reason goes first in an ERROR frame, as a refusal. */
  close (reason?: string, asError?: boolean): void
}

export const JOIN_PATH = '/join'
const MAX_FRAME = 32 * 1024 * 1024

export interface Keepalive { intervalMs: number, missed: number }
export const DEFAULT_KEEPALIVE: Keepalive = { intervalMs: 15_000, missed: 2 }

/**
 * Pings the other end (`who`: a peer, or a hub — hub/hocuspocus.ts); calls `lost` and terminates the
 * connection once `missed` pings in a row went unanswered.
 */
export function keepAlive (ws: WebSocket, { intervalMs, missed }: Keepalive, lost: (reason: string) => void, who = 'the peer'): void {
  let unanswered = 0
  const answered = () => { unanswered = 0 }
  ws.on('pong', answered)
  ws.on('message', answered)
  const timer = setInterval(() => {
    if (ws.readyState !== WebSocket.OPEN) return
    if (unanswered >= missed) {
      lost(`no answer from ${who} for ${(missed * intervalMs / 1000).toFixed(1)} s`)
      ws.terminate()
      return
    }
    unanswered++
    ws.ping()
  }, intervalMs)
  timer.unref()
  ws.once('close', () => clearInterval(timer))
}

function wrap (ws: WebSocket, peer: { id: string, publicKeyPem: string }, keepalive: Keepalive = DEFAULT_KEEPALIVE): PeerConnection {
  let listener: ((frame: Uint8Array) => void) | undefined
  let lostReason: string | undefined
  const waiting: Uint8Array[] = []
  ws.on('error', () => undefined) // a 'close' follows every error, and that is where a session ends
  keepAlive(ws, keepalive, reason => { lostReason = reason })
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary) return
    const frame = new Uint8Array(data)
    if (listener) listener(frame)
    else waiting.push(frame)
  })
  return {
    peerId: peer.id,
    peerPublicKey: peer.publicKeyPem,
    send: frame => { if (ws.readyState === WebSocket.OPEN) ws.send(frame) },
    onFrame: l => {
      listener = l
      while (listener && waiting.length > 0) listener(waiting.shift()!) // eslint-disable-line no-unmodified-loop-condition -- a listener may replace itself
    },
    onClose: l => ws.on('close', (_code, reason) => l(lostReason ?? reason.toString())),
    close: (reason, asError = true) => {
      const refusal = Boolean(reason) && asError
      if (refusal && ws.readyState === WebSocket.OPEN) ws.send(writeError(reason!))
      ws.close(refusal ? 1008 : 1000, Buffer.from(reason ?? '').subarray(0, 120).toString())
    }
  }
}

function refuse (ws: WebSocket, reason: string): void {
  ws.send(writeError(reason))
  ws.close(1008, reason.slice(0, 120))
}

export interface Listener { port: number, close (): Promise<void> }

/** Accepts peers; `onPeer` gets only connections whose member id `authorize` accepted. */
export async function listen (opts: {
  host: string,
  port: number,
  identity: TlsIdentity,
  authorize: (memberId: string) => boolean | string,
  onPeer: (conn: PeerConnection) => void,
  onJoin?: (conn: PeerConnection) => void,
  keepalive?: Keepalive
}): Promise<Listener> {
  const server: Server = createServer({ key: opts.identity.key, cert: opts.identity.cert, requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.3' })
  // Listening before the WebSocketServer is attached: it re-emits the server's errors as its own, and a busy
  // port (EADDRINUSE) would then be an unhandled 'error' event that ends the process instead of a rejection
  // the caller handles (cli/host.ts takes another port).
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(opts.port, opts.host, () => { server.off('error', reject); resolve() }) })
  const wss = new WebSocketServer({ server, maxPayload: MAX_FRAME })
  wss.on('connection', (ws, req) => {
    const peer = peerKeyOf((req.socket as TLSSocket).getPeerX509Certificate())
    if (!peer) { refuse(ws, 'no client certificate'); return }
    if (req.url === JOIN_PATH && opts.onJoin) { opts.onJoin(wrap(ws, peer, opts.keepalive)); return }
    const verdict = opts.authorize(peer.id)
    if (verdict !== true) { refuse(ws, typeof verdict === 'string' ? verdict : 'not a member of this team'); return }
    opts.onPeer(wrap(ws, peer, opts.keepalive))
  })
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise(resolve => { for (const c of wss.clients) c.terminate(); wss.close(); server.close(() => resolve()) })
  }
}

/**
 * Why a dial failed, in words: something that answers but is not a PAT Desk peer (plain TCP or HTTP, another
 * TLS service) fails in the TLS or WebSocket handshake with errors only OpenSSL could love.
 */
function dialFailure (host: string, err: Error & { code?: string }): string {
  if (/EPROTO|SSL|TLS|wrong version|Unexpected server response|Invalid WebSocket|socket hang up|ECONNRESET/i.test(`${err.code ?? ''} ${err.message}`)) {
    return `that address (${host}) does not speak PAT Desk sync: check the host and port of the peer's \`pat serve\``
  }
  if (/timed? ?out/i.test(err.message)) return `the peer at ${host} did not answer in time`
  return `cannot reach the peer at ${host}: ${err.message.split('\n')[0]!.slice(0, 200)}`
}

/** Connects to a peer; rejects if the TLS handshake fails or the peer's id is not `expectPeer` (when given). */
export function connect (opts: { url: string, identity: TlsIdentity, expectPeer?: (memberId: string) => boolean, timeoutMs?: number, keepalive?: Keepalive }): Promise<PeerConnection> {
  return new Promise((resolve, reject) => {
    const limit = opts.timeoutMs ?? 10_000
    const ws = new WebSocket(opts.url, { key: opts.identity.key, cert: opts.identity.cert, rejectUnauthorized: false, minVersion: 'TLSv1.3', maxPayload: MAX_FRAME, handshakeTimeout: limit })
    ws.binaryType = 'nodebuffer'
    // ws's handshakeTimeout runs from the HTTP request, after the TLS handshake: a listener that accepts and
    // never answers held a dial for twice the limit. This timer bounds the whole attempt.
    const timer = setTimeout(() => { reject(new Error(`the peer at ${new URL(opts.url).host} did not answer in time`)); ws.terminate() }, limit)
    let peer: { id: string, publicKeyPem: string } | undefined
    ws.once('upgrade', res => { peer = peerKeyOf((res.socket as TLSSocket).getPeerX509Certificate()) })
    ws.once('error', err => { clearTimeout(timer); reject(new Error(dialFailure(new URL(opts.url).host, err))) })
    ws.once('open', () => {
      clearTimeout(timer)
      if (!peer || (opts.expectPeer && !opts.expectPeer(peer.id))) {
        ws.close(1008, 'unexpected peer')
        reject(new Error(`the peer at ${opts.url} is not the member it should be (${peer?.id ?? 'no certificate'})`))
        return
      }
      resolve(wrap(ws, peer, opts.keepalive))
    })
  })
}
