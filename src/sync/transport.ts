/**
 * The peer transport: WebSocket (`ws`) over mutual TLS 1.3 with member certificates (certificate.ts).
 * Each side proves its member id by its certificate; the listener asks `authorize(memberId)` before a
 * single document frame flows, and refuses a non-member with an ERROR frame ("not a member of this
 * team") and a close. The connecting side checks the listener's id the same way. Messages are binary
 * frames (frames.ts), at most `maxFrameBytes` each (ws enforces it before buffering more).
 */
import { createServer, type Server } from 'node:https'
import type { TLSSocket } from 'node:tls'
import { WebSocket, WebSocketServer } from 'ws'
import { memberIdOf } from './certificate.js'
import { writeError } from './frames.js'

export interface TlsIdentity { key: string, cert: string }

export interface PeerConnection {
  peerId: string
  send (frame: Uint8Array): void
  onFrame (listener: (frame: Uint8Array) => void): void
  onClose (listener: (reason: string) => void): void
  close (reason?: string): void
}

const MAX_FRAME = 32 * 1024 * 1024

function wrap (ws: WebSocket, peerId: string): PeerConnection {
  return {
    peerId,
    send: frame => { if (ws.readyState === WebSocket.OPEN) ws.send(frame) },
    onFrame: listener => ws.on('message', (data: Buffer, isBinary: boolean) => { if (isBinary) listener(new Uint8Array(data)) }),
    onClose: listener => ws.on('close', (_code, reason) => listener(reason.toString())),
    close: reason => {
      if (reason && ws.readyState === WebSocket.OPEN) ws.send(writeError(reason))
      ws.close(1008, (reason ?? '').slice(0, 120))
    }
  }
}

export interface Listener { port: number, close (): Promise<void> }

/** Accepts peers; `onPeer` gets only connections whose member id `authorize` accepted. */
export async function listen (opts: {
  host: string, port: number, identity: TlsIdentity,
  authorize: (memberId: string) => boolean | string,
  onPeer: (conn: PeerConnection) => void
}): Promise<Listener> {
  const server: Server = createServer({ key: opts.identity.key, cert: opts.identity.cert, requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.3' })
  const wss = new WebSocketServer({ server, maxPayload: MAX_FRAME })
  wss.on('connection', (ws, req) => {
    const peerId = memberIdOf((req.socket as TLSSocket).getPeerX509Certificate())
    const verdict = peerId ? opts.authorize(peerId) : 'no client certificate'
    if (verdict !== true) {
      const reason = typeof verdict === 'string' ? verdict : 'not a member of this team'
      ws.send(writeError(reason))
      ws.close(1008, reason.slice(0, 120))
      return
    }
    opts.onPeer(wrap(ws, peerId!))
  })
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(opts.port, opts.host, resolve) })
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise(resolve => { for (const c of wss.clients) c.terminate(); wss.close(); server.close(() => resolve()) })
  }
}

/** Connects to a peer; rejects if the TLS handshake fails or the peer's id is not `expectPeer` (when given). */
export function connect (opts: { url: string, identity: TlsIdentity, expectPeer?: (memberId: string) => boolean, timeoutMs?: number }): Promise<PeerConnection> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(opts.url, { key: opts.identity.key, cert: opts.identity.cert, rejectUnauthorized: false, minVersion: 'TLSv1.3', maxPayload: MAX_FRAME, handshakeTimeout: opts.timeoutMs ?? 10_000 })
    ws.binaryType = 'nodebuffer'
    let peerId: string | undefined
    ws.once('upgrade', res => { peerId = memberIdOf((res.socket as TLSSocket).getPeerX509Certificate()) })
    ws.once('error', err => reject(new Error(`cannot reach peer ${opts.url}: ${err.message}`)))
    ws.once('open', () => {
      if (!peerId || (opts.expectPeer && !opts.expectPeer(peerId))) {
        ws.close(1008, 'unexpected peer')
        reject(new Error(`the peer at ${opts.url} is not the member it should be (${peerId ?? 'no certificate'})`))
        return
      }
      resolve(wrap(ws, peerId))
    })
  })
}
