/**
 * Rooms on a y-websocket hub: each room is its own WebSocket, to the room's URL (hub/url.ts), carrying the
 * y-websocket messages of hub/protocol.ts. A room ends by closing its socket (1000 when it synced, 1002 when
 * it broke the protocol — the reason stays here: the hub has no use for it). Awareness is ignored.
 *
 * Failures (hub/transport.ts): a socket that cannot connect refuses its room ("cannot reach the hub"), an
 * HTTP answer instead of the upgrade refuses it naming the status; a socket that breaks or is closed by the
 * hub ends its room. Any of these, on any room, is the connection lost for a long-running link.
 */
import { WebSocket, type RawData } from 'ws'
import { readHubMessage, writeHubMessage } from './protocol.js'
import type { HubRoom } from './room.js'
import { closeSockets, httpRefusal, HubRefusal, unreachable, toBytes, type HubTransport, type TransportOptions } from './transport.js'
import { roomOf, roomUrl } from './url.js'
import { keepAlive } from '../transport.js'

export function yWebsocketTransport (opts: TransportOptions): HubTransport {
  const sockets = new Map<WebSocket, HubRoom>()
  let closing = false
  const lose = (reason: string, refused = false) => { if (!closing) opts.onLost?.(reason, refused) }
  return {
    open: room => {
      if (closing) { room.end('the connection to the hub was closed'); return }
      roomSocket(opts, room, sockets, lose)
    },
    bufferedBytes: () => { let n = 0; for (const s of sockets.keys()) n += s.bufferedAmount; return n },
    close: async () => {
      closing = true
      const open = [...sockets]
      for (const [, room] of open) room.end()
      await closeSockets(open.map(([s]) => s))
    }
  }
}

/** Whether the socket opened, and whether we closed it (then its close or error is no loss). */
interface SocketState { opened: boolean, ours: boolean }

/** One room's socket, kept in `sockets` while open; a failure refuses or ends the room and reports the loss. */
function roomSocket (opts: TransportOptions, room: HubRoom, sockets: Map<WebSocket, HubRoom>, lose: (reason: string, refused?: boolean) => void): void {
  const { hub } = opts
  const socket = new WebSocket(roomUrl(hub, roomOf(opts.teamId, room.name), opts.token), { maxPayload: opts.maxMessageBytes })
  sockets.set(socket, room)
  const state: SocketState = { opened: false, ours: false }
  /** The socket broke (not closed by us): the connection is lost — first, so a link closes its rooms as its own doing. */
  const broken = (reason: string) => {
    state.ours = true
    lose(reason)
    room.end(room.isLive ? reason : `${reason} before the document was in sync`)
  }
  socket.once('close', () => sockets.delete(socket))
  socket.on('open', () => {
    state.opened = true
    if (room.ended) { state.ours = true; socket.close(1000); return } // ended while connecting (the exchange was stopped)
    if (opts.keepalive) keepAlive(socket, opts.keepalive, reason => broken(reason), 'the hub')
    carry(socket, room, state)
  })
  socket.on('message', (data: RawData, isBinary: boolean) => receive(room, data, isBinary))
  socket.on('unexpected-response', (_req, res) => {
    state.ours = true
    socket.terminate()
    const err = httpRefusal(hub, ` for ${room.name}`, res.statusCode, res.statusMessage)
    lose(err.message, err instanceof HubRefusal)
    room.refuse(err)
  })
  socket.on('error', (err: Error) => {
    if (!state.opened && !state.ours) {
      state.ours = true
      const refusal = unreachable(hub, err)
      lose(refusal.message)
      room.refuse(refusal)
      return
    }
    if (!state.ours) broken(`connection error: ${err.message}`)
  })
  socket.on('close', (code: number) => { if (!state.ours) broken(`the hub closed the connection (code ${code})`) })
}

/** The room's exchange starts: what it sends goes out on the socket, and ending it closes the socket. */
function carry (socket: WebSocket, room: HubRoom, state: SocketState): void {
  room.begin({
    send: message => { if (socket.readyState === WebSocket.OPEN) socket.send(writeHubMessage(message)) },
    close: failed => { state.ours = true; if (socket.readyState === WebSocket.OPEN) socket.close(failed ? 1002 : 1000) }
  })
}

/** A message from the hub: sync messages go to the room, awareness is ignored, anything undecodable ends the room. */
function receive (room: HubRoom, data: RawData, isBinary: boolean): void {
  if (room.ended) return
  if (!isBinary) { room.end('a text message (y-websocket messages are binary)'); return }
  let message
  try {
    message = readHubMessage(toBytes(data))
  } catch (err) {
    room.end((err as Error).message)
    return
  }
  if (message.type !== 'awareness') room.receive(message)
}
