/**
 * How rooms (hub/room.ts) reach a hub, one kind per URL scheme (hub/url.ts): a WebSocket per room on a
 * y-websocket server (hub/ywebsocket.ts), one WebSocket shared by every room on a Hocuspocus server
 * (hub/hocuspocus.ts). The exchange itself is the same for both; a transport only frames the messages,
 * opens and closes rooms, and says when the hub cannot be reached, refuses us, or the connection breaks.
 *
 * Failures, as the rooms see them: a hub that cannot be reached, or that refuses the connection or the
 * token, `refuse`s the room with an InputError naming it (a HubRefusal when it is the token or the
 * credentials: HTTP 401/403, Hocuspocus's PERMISSION_DENIED) — the one-shot exchange fails with that line;
 * a connection that breaks later, or a message that breaks the protocol, `end`s the rooms it carried with
 * the reason. `onLost` tells a long-running link (hub/link.ts) that it should reconnect. `openHub`
 * (hub/client.ts) picks the transport for a hub's kind.
 */
import { WebSocket, type RawData } from 'ws'
import { InputError } from '../../domain/index.js'
import type { HubRoom } from './room.js'
import type { HubAddress } from './url.js'
import type { Keepalive } from '../transport.js'

export interface HubTransport {
  /** Opens the document's room at the hub; the room's exchange runs from there. */
  open (room: HubRoom): void
  /** Bytes handed to the WebSocket(s) and not yet written to the network. */
  bufferedBytes (): number
  /** Ends the rooms still open and closes the connection(s); resolves once closed, or after a short wait. */
  close (): Promise<void>
}

export interface TransportOptions {
  hub: HubAddress
  teamId: string
  token?: string
  maxMessageBytes: number
  /** Pings on a long-lived connection (hub/link.ts); none for a one-shot exchange. */
  keepalive?: Keepalive
  /** The connection to the hub broke or could not be made (not called for a close asked for here). */
  onLost?: (reason: string, refused: boolean) => void
}

/** The hub refused the token or the credentials (not: cannot be reached). */
export class HubRefusal extends InputError {}

/** How long `close` waits for the hub to acknowledge a close before cutting the connection. */
const CLOSE_WAIT_MS = 1000

/** Waits until the sockets (being closed) have closed, `CLOSE_WAIT_MS` at most, then cuts those still open. */
export async function closeSockets (sockets: WebSocket[]): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const closed = sockets.map(s => s.readyState === WebSocket.CLOSED ? undefined : new Promise(resolve => s.once('close', resolve)))
  await Promise.race([Promise.all(closed), new Promise(resolve => { timer = setTimeout(resolve, CLOSE_WAIT_MS) })])
  clearTimeout(timer)
  for (const s of sockets) s.terminate()
}

/**
 * Why a connection to the hub could not be made, in words: something that answers but is not a WebSocket hub
 * (plain TCP, TLS on a ws:// URL or plain HTTP on a wss:// one) fails with errors only OpenSSL or an HTTP
 * parser could love.
 */
export function unreachable (hub: HubAddress, err: Error & { code?: string }): InputError {
  const said = `${err.code ?? ''} ${err.message}`
  if (/EPROTO|SSL|wrong version|Parse Error|Expected HTTP|HPE_|Invalid WebSocket|Unexpected server response/i.test(said)) return new InputError(notAHub(hub))
  const why = err.message.split('\n')[0]!.slice(0, 200)
  if (/certificate|CERT_/i.test(said)) return new InputError(`cannot reach the hub at ${hub.url}: its TLS certificate is not trusted here (${why}): give the hub a certificate this computer trusts, or add its CA with NODE_EXTRA_CA_CERTS`)
  if (/socket hang up|ECONNRESET/i.test(said)) return new InputError(`cannot reach the hub at ${hub.url}: it cut the connection during the handshake (${why}); if it is up, check the URL's scheme (wss:// for TLS, ws:// without), host and port`)
  return new InputError(`cannot reach the hub at ${hub.url}: ${why}`)
}

function notAHub (hub: HubAddress): string {
  return `that address (${new URL(hub.url.replace(/^hocuspocus\+/, '')).host}) does not speak PAT Desk sync: no WebSocket hub answers there; check the hub URL's scheme (wss:// for TLS, ws:// without), host and port`
}

/** The refusal of an HTTP upgrade, named: 401/403 are the token's fault, others the hub's; a page is no hub. */
export function httpRefusal (hub: HubAddress, what: string, status: number | undefined, message: string | undefined): InputError {
  if (status !== undefined && status >= 200 && status < 400) return new InputError(`${notAHub(hub)} (it answered HTTP ${status} instead of a WebSocket)`)
  const text = `the hub at ${hub.url} refused the connection${what}: HTTP ${status ?? '?'} ${message ?? ''}`.trim()
  return status === 401 || status === 403 ? new HubRefusal(`${text} — check the token (pat hub set ${hub.url} --token T)`) : new InputError(text)
}

export function toBytes (data: RawData): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  const buf = Array.isArray(data) ? Buffer.concat(data) : data
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length)
}
