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
import { HP_MESSAGE, readHocuspocusFrame, readHocuspocusMessage, writeCloseDoc, writeHocuspocusSync, writeToken } from './hocuspocus-protocol.js'
import type { HubRoom } from './room.js'
import { closeSockets, httpRefusal, HubRefusal, unreachable, toBytes, type HubTransport, type TransportOptions } from './transport.js'
import { roomOf, socketUrl } from './url.js'
import { keepAlive } from '../transport.js'

// eslint-disable-next-line max-lines-per-function -- one closure: every room shares the one socket's state; not split yet (#16)
export function hocuspocusTransport (opts: TransportOptions): HubTransport {
  const { hub } = opts
  const token = opts.token ?? ''
  const socket = new WebSocket(socketUrl(hub), { maxPayload: opts.maxMessageBytes })
  /** Open rooms, by their document at the hub. */
  const rooms = new Map<string, HubRoom>()
  /** Documents we asked the server to close, with the room waiting to open the document again, if any. */
  const closingDocs = new Map<string, HubRoom | undefined>()
  let waiting: HubRoom[] = [] // opened before the socket was
  let lost: { reason: string, refusal?: InputError } | undefined
  let closing = false

  const send = (data: Uint8Array) => { if (socket.readyState === WebSocket.OPEN) socket.send(data) }

  const start = (room: HubRoom): void => {
    const doc = roomOf(opts.teamId, room.name)
    if (closingDocs.has(doc)) { closingDocs.get(doc)?.end('opened again before it closed'); closingDocs.set(doc, room); return }
    rooms.set(doc, room)
    send(writeToken(doc, token))
    room.begin({
      send: message => send(writeHocuspocusSync(doc, message)),
      close: () => {
        if (rooms.get(doc) !== room) return
        rooms.delete(doc)
        closingDocs.set(doc, undefined)
        send(writeCloseDoc(doc))
      }
    })
  }

  /** The connection is over: every room ends (or is refused, when it never opened), now and later. */
  const fail = (reason: string, refusal?: InputError): void => {
    if (lost) return
    lost = { reason, ...(refusal ? { refusal } : {}) }
    const all = [...waiting, ...rooms.values(), ...[...closingDocs.values()].filter(r => r !== undefined)]
    waiting = []
    rooms.clear()
    closingDocs.clear()
    socket.terminate()
    if (!closing) opts.onLost?.(reason, refusal instanceof HubRefusal) // first: a link then closes its rooms as its own doing
    for (const room of all) settle(room)
  }
  const settle = (room: HubRoom) => { if (lost!.refusal) room.refuse(lost!.refusal); else room.end(lost!.reason) }

  socket.on('open', () => {
    if (opts.keepalive) keepAlive(socket, opts.keepalive, reason => fail(reason), 'the hub')
    for (const room of waiting.splice(0)) if (!room.ended) start(room)
  })
  socket.on('unexpected-response', (_req, res) => { const err = httpRefusal(hub, '', res.statusCode, res.statusMessage); fail(err.message, err) })
  socket.on('error', (err: Error) => {
    if (socket.readyState !== WebSocket.OPEN && !lost && rooms.size === 0) {
      const refusal = unreachable(hub, err)
      fail(refusal.message, refusal)
      return
    }
    fail(`connection error: ${err.message}`)
  })
  socket.on('close', (code: number) => fail(`the hub closed the connection (code ${code})`))
  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (lost) return
    if (!isBinary) { fail('a text message (Hocuspocus messages are binary)'); return }
    let frame
    try {
      frame = readHocuspocusFrame(toBytes(data))
    } catch (err) {
      fail((err as Error).message)
      return
    }
    const { doc } = frame
    const room = rooms.get(doc)
    if (!room) {
      if (closingDocs.has(doc) && isClose(frame.decoder)) reopen(doc)
      return
    }
    let message
    try {
      message = readHocuspocusMessage(frame.decoder)
    } catch (err) {
      room.end((err as Error).message)
      return
    }
    switch (message.type) {
      case 'sync': room.receive(message.sync); break
      case 'token-request': send(writeToken(doc, token)); break
      case 'permission-denied':
        rooms.delete(doc)
        room.refuse(new HubRefusal(`the hub at ${hub.url} refused the token for ${room.name}: ${message.reason || 'no reason given'} — check the token (pat hub set ${hub.url} --token T)`))
        break
      case 'close':
        rooms.delete(doc)
        room.end(`the hub closed the document: ${message.reason || 'no reason given'}`)
        break
      case 'sync-status':
        if (!message.applied) room.end('the hub did not apply our changes (is the token read-only there?)')
        break
      case 'authenticated': case 'ignored': break
    }
  })

  /** The server closed a document we asked it to: a room waiting for it may open it now. */
  const reopen = (doc: string): void => {
    const next = closingDocs.get(doc)
    closingDocs.delete(doc)
    if (next && !next.ended) start(next)
  }

  return {
    open: room => {
      if (lost) settle(room)
      else if (closing) room.end('the connection to the hub was closed')
      else if (socket.readyState === WebSocket.OPEN) start(room)
      else waiting.push(room)
    },
    bufferedBytes: () => socket.bufferedAmount,
    close: async () => {
      closing = true
      for (const room of [...waiting.splice(0), ...rooms.values()]) room.end()
      if (socket.readyState === WebSocket.OPEN) socket.close(1000)
      await closeSockets([socket])
    }
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
