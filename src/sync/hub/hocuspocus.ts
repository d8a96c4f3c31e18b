/**
 * Rooms on a Hocuspocus hub: ONE WebSocket (hub/url.ts: the URL without `hocuspocus+`) carries every room,
 * each message naming its document `<team id>/<document name>` (hub/hocuspocus-protocol.ts). Opening a room
 * sends the token (AUTH TOKEN, "" when there is none — as the provider does) and then the room's step 1;
 * the server holds the step 1 until the token passes its onAuthenticate hooks. A room ends by asking the
 * server to close the document (CLOSE); the server's CLOSE in answer is awaited before the same document
 * is opened again on this connection, so that answer cannot be taken for the new room's end.
 *
 * What the server sends: sync messages go to the room; PERMISSION_DENIED refuses the room with a
 * HubRefusal naming the hub, the document and the reason; a server-side CLOSE ends the room; SYNC_STATUS 0
 * (the server did not apply our change: a read-only token) ends it too; a token request is answered with the
 * token again; awareness, awareness queries and stateless messages are ignored. A message for a document not
 * open here (one closed meanwhile, or named by a confused server) is dropped unread; one for an open room
 * that does not decode ends that room; a frame whose document name does not decode, a text frame, or a
 * broken connection ends every room, and is the connection lost for a long-running link.
 */
import * as decoding from 'lib0/decoding'
import { WebSocket, type RawData } from 'ws'
import type { InputError } from '../../domain/index.js'
import { HP_MESSAGE, readHocuspocusFrame, readHocuspocusMessage, writeCloseDoc, writeHocuspocusSync, writeToken, type HocuspocusMessage } from './hocuspocus-protocol.js'
import type { HubRoom } from './room.js'
import { closeSockets, httpRefusal, HubRefusal, unreachable, toBytes, type HubTransport, type TransportOptions } from './transport.js'
import { roomOf, socketUrl } from './url.js'
import { keepAlive } from '../transport.js'

export function hocuspocusTransport (opts: TransportOptions): HubTransport {
  return new HocuspocusConnection(opts)
}

/** The one socket and the rooms it carries: every room shares its state (what is open, closing, waiting, lost). */
class HocuspocusConnection implements HubTransport {
  private readonly token: string
  private readonly socket: WebSocket
  /** Open rooms, by their document at the hub. */
  private readonly rooms = new Map<string, HubRoom>()
  /** Documents we asked the server to close, with the room waiting to open the document again, if any. */
  private readonly closingDocs = new Map<string, HubRoom | undefined>()
  private waiting: HubRoom[] = [] // opened before the socket was
  private lost: { reason: string, refusal?: InputError } | undefined
  private closing = false

  constructor (private readonly opts: TransportOptions) {
    this.token = opts.token ?? ''
    const socket = this.socket = new WebSocket(socketUrl(opts.hub), { maxPayload: opts.maxMessageBytes })
    socket.on('open', () => {
      if (opts.keepalive) keepAlive(socket, opts.keepalive, reason => this.fail(reason), 'the hub')
      for (const room of this.waiting.splice(0)) if (!room.ended) this.start(room)
    })
    socket.on('unexpected-response', (_req, res) => { const err = httpRefusal(opts.hub, '', res.statusCode, res.statusMessage); this.fail(err.message, err) })
    socket.on('error', (err: Error) => {
      if (socket.readyState !== WebSocket.OPEN && !this.lost && this.rooms.size === 0) {
        const refusal = unreachable(opts.hub, err)
        this.fail(refusal.message, refusal)
        return
      }
      this.fail(`connection error: ${err.message}`)
    })
    socket.on('close', (code: number) => this.fail(`the hub closed the connection (code ${code})`))
    socket.on('message', (data: RawData, isBinary: boolean) => this.receive(data, isBinary))
  }

  open (room: HubRoom): void {
    if (this.lost) this.settle(room)
    else if (this.closing) room.end('the connection to the hub was closed')
    else if (this.socket.readyState === WebSocket.OPEN) this.start(room)
    else this.waiting.push(room)
  }

  bufferedBytes (): number { return this.socket.bufferedAmount }

  async close (): Promise<void> {
    this.closing = true
    for (const room of [...this.waiting.splice(0), ...this.rooms.values()]) room.end()
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(1000)
    await closeSockets([this.socket])
  }

  private send (data: Uint8Array): void { if (this.socket.readyState === WebSocket.OPEN) this.socket.send(data) }

  private start (room: HubRoom): void {
    const doc = roomOf(this.opts.teamId, room.name)
    if (this.closingDocs.has(doc)) { this.closingDocs.get(doc)?.end('opened again before it closed'); this.closingDocs.set(doc, room); return }
    this.rooms.set(doc, room)
    this.send(writeToken(doc, this.token))
    room.begin({
      send: message => this.send(writeHocuspocusSync(doc, message)),
      close: () => {
        if (this.rooms.get(doc) !== room) return
        this.rooms.delete(doc)
        this.closingDocs.set(doc, undefined)
        this.send(writeCloseDoc(doc))
      }
    })
  }

  /** The connection is over: every room ends (or is refused, when it never opened), now and later. */
  private fail (reason: string, refusal?: InputError): void {
    if (this.lost) return
    this.lost = { reason, ...(refusal ? { refusal } : {}) }
    const all = [...this.waiting, ...this.rooms.values(), ...[...this.closingDocs.values()].filter(r => r !== undefined)]
    this.waiting = []
    this.rooms.clear()
    this.closingDocs.clear()
    this.socket.terminate()
    if (!this.closing) this.opts.onLost?.(reason, refusal instanceof HubRefusal) // first: a link then closes its rooms as its own doing
    for (const room of all) this.settle(room)
  }

  private settle (room: HubRoom): void {
    if (this.lost!.refusal) room.refuse(this.lost!.refusal)
    else room.end(this.lost!.reason)
  }

  /** A frame from the server: to its room, or the server's answer to a CLOSE of ours; garbage ends what it reaches. */
  private receive (data: RawData, isBinary: boolean): void {
    if (this.lost) return
    if (!isBinary) { this.fail('a text message (Hocuspocus messages are binary)'); return }
    let frame
    try {
      frame = readHocuspocusFrame(toBytes(data))
    } catch (err) {
      this.fail((err as Error).message)
      return
    }
    const { doc } = frame
    const room = this.rooms.get(doc)
    if (!room) {
      if (this.closingDocs.has(doc) && isClose(frame.decoder)) this.reopen(doc)
      return
    }
    let message
    try {
      message = readHocuspocusMessage(frame.decoder)
    } catch (err) {
      room.end((err as Error).message)
      return
    }
    this.deliver(doc, room, message)
  }

  private deliver (doc: string, room: HubRoom, message: HocuspocusMessage): void {
    switch (message.type) {
      case 'sync': room.receive(message.sync); break
      case 'token-request': this.send(writeToken(doc, this.token)); break
      case 'permission-denied':
        this.rooms.delete(doc)
        room.refuse(new HubRefusal(`the hub at ${this.opts.hub.url} refused the token for ${room.name}: ${message.reason || 'no reason given'} — check the token (pat hub set ${this.opts.hub.url} --token T)`))
        break
      case 'close':
        this.rooms.delete(doc)
        room.end(`the hub closed the document: ${message.reason || 'no reason given'}`)
        break
      case 'sync-status':
        if (!message.applied) room.end('the hub did not apply our changes (is the token read-only there?)')
        break
      case 'authenticated': case 'ignored': break
    }
  }

  /** The server closed a document we asked it to: a room waiting for it may open it now. */
  private reopen (doc: string): void {
    const next = this.closingDocs.get(doc)
    this.closingDocs.delete(doc)
    if (next && !next.ended) this.start(next)
  }
}

/** Whether the rest of a frame is a CLOSE (the server's answer to ours); garbage is not. */
function isClose (dec: decoding.Decoder): boolean {
  try {
    return decoding.readVarUint(dec) === HP_MESSAGE.CLOSE
  } catch {
    return false
  }
}
