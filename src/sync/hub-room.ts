/**
 * One document's exchange with a y-websocket hub, over its own WebSocket (the room's URL):
 *
 *   open         → we send step 1 (our state vector): the hub answers with step 2, what we lack
 *   hub's step 1 → we answer with step 2 (what the hub lacks), then send step 1 again: the probe
 *   step 2 / update from the hub → judged by the roster rules and applied (or skipped, held, refused)
 *   the hub's step 2 answering the probe → done: close
 *
 * Why the probe: y-websocket has no acknowledgement, and closing right after sending could lose our step 2
 * if the hub had not read it yet. A WebSocket delivers in order and the stock server handles a connection's
 * messages in order, so its answer to a step 1 sent after our step 2 proves the step 2 was applied there —
 * and the answer also brings whatever reached the hub in between. The stock server sends its step 1 as
 * soon as the connection opens; a server that never does leaves the room waiting until the timeout.
 *
 * What the hub sends is applied only through `target.accept` (the roster rules, store/sync-target.ts), of
 * an update only the part this side lacks (Y.diffUpdate), with a remote origin (stored as a peer's change,
 * never undone here). SKIP (nothing new, e.g. the hub echoing our own step 2 back as an update) is not
 * applied; WAIT (it builds on changes this side lacks) is not applied this time — the hub offers it again
 * next time. A refusal, an undecodable message or an update that fails to apply ends the room: the socket
 * is closed with the reason, nothing of that message is applied, and the outcome says why.
 *
 * A document this side lacks is judged against an empty stand-in and created only when an update with
 * something in it is accepted, so a hub naming nothing — an empty room — leaves nothing behind.
 */
import { WebSocket, type RawData } from 'ws'
import * as Y from 'yjs'
import { InputError } from '../domain/index.js'
import { SKIP, WAIT, type WorkspaceSyncTarget } from '../store/index.js'
import { ProtocolError } from './frames.js'
import { readHubMessage, writeStep1, writeStep2 } from './hub-protocol.js'

export interface RoomOutcome {
  /** The document's name (`workspace`, `account/<id>`). */
  name: string
  /** We applied changes from the hub. */
  received: boolean
  /** We sent the hub changes it lacked. */
  sent: boolean
  /** An update from the hub that builds on changes this side lacks was left for next time. */
  held: boolean
  /** Why the room ended early (undefined when it synced). */
  error?: string
}

export interface RoomOptions {
  name: string
  /** The hub as the user gave it (for messages: `url` holds the room and the token). */
  hub: string
  url: string
  target: WorkspaceSyncTarget
  maxMessageBytes: number
  /** Called with each socket as it opens, so the caller can end every room at once (timeout). */
  track: (socket: WebSocket) => void
}

/** Stands for a document this side does not have (judged against, answered from; never changed). */
const ABSENT = new Y.Doc()
/** The origin of the hub's updates: `{ origin: 'remote' }` is what the store treats as a peer's change. */
const HUB_ORIGIN = { origin: 'remote', hub: true } as const

/**
 * Syncs one document through its room. Resolves with the outcome, an error in it when the room ended early;
 * rejects with an InputError when the hub cannot be reached or refuses the connection.
 */
export async function syncRoom (opts: RoomOptions): Promise<RoomOutcome> {
  const { name, target } = opts
  let doc = await target.has(name) ? await target.doc(name) : undefined
  const outcome: RoomOutcome = { name, received: false, sent: false, held: false }
  const socket = new WebSocket(opts.url, { maxPayload: opts.maxMessageBytes })
  opts.track(socket)
  let step1Sent = 0
  let step2Received = 0
  let probe = Infinity // the number of the step 1 whose answer ends the room
  let queue = Promise.resolve()

  const send = (message: Uint8Array) => { socket.send(message) }

  /** Applies what the hub sends, if the roster rules let it; opens the document only to apply to it. */
  const apply = async (update: Uint8Array): Promise<void> => {
    for (;;) {
      const current = doc ?? ABSENT
      let news: Uint8Array
      let verdict: ReturnType<WorkspaceSyncTarget['accept']>
      try {
        news = doc ? Y.diffUpdate(update, Y.encodeStateVector(doc)) : update
        verdict = target.accept(name, current, news)
      } catch (err) {
        throw new ProtocolError(`bad update: ${(err as Error).message}`)
      }
      if (typeof verdict === 'string') throw new ProtocolError(`update refused: ${verdict}`)
      if (verdict === WAIT) { outcome.held = true; return }
      if (verdict === SKIP) return
      if (!doc) { doc = await target.doc(name); continue } // judged again against the document as it is now
      try {
        Y.applyUpdate(doc, news, HUB_ORIGIN)
      } catch (err) {
        throw new ProtocolError(`bad update: ${(err as Error).message}`)
      }
      outcome.received = true
      return
    }
  }

  const handle = async (data: Uint8Array): Promise<boolean> => {
    const message = readHubMessage(data)
    switch (message.type) {
      case 'step1': {
        let lacking: Uint8Array
        try {
          lacking = Y.encodeStateAsUpdate(doc ?? ABSENT, message.stateVector)
        } catch (err) {
          throw new ProtocolError(`bad state vector: ${(err as Error).message}`)
        }
        outcome.sent ||= hasContent(lacking)
        send(writeStep2(lacking))
        send(writeStep1(doc ?? ABSENT))
        probe = ++step1Sent
        return false
      }
      case 'step2':
        await apply(message.update)
        return ++step2Received >= probe
      case 'update':
        await apply(message.update)
        return false
      case 'awareness':
        return false
    }
  }

  return new Promise<RoomOutcome>((resolve, reject) => {
    let opened = false
    let settled = false
    const finish = (error?: string) => {
      if (settled) return
      settled = true
      if (error !== undefined) outcome.error = error
      if (socket.readyState === WebSocket.OPEN) socket.close(error === undefined ? 1000 : 1002) // the reason stays here: the hub has no use for it
      resolve(outcome)
    }
    socket.on('open', () => {
      opened = true
      send(writeStep1(doc ?? ABSENT))
      step1Sent++
    })
    socket.on('message', (data: RawData, isBinary: boolean) => {
      const bytes = isBinary ? toBytes(data) : undefined
      queue = queue.then(async () => {
        if (settled) return
        if (!bytes) throw new ProtocolError('a text message (y-websocket messages are binary)')
        if (await handle(bytes)) finish()
      }).catch((err: Error) => finish(err instanceof ProtocolError ? err.message : `internal error: ${err.message}`))
    })
    socket.on('unexpected-response', (_req, res) => {
      settled = true
      socket.terminate()
      reject(new InputError(`the hub at ${opts.hub} refused the connection for ${name}: HTTP ${res.statusCode ?? '?'} ${res.statusMessage ?? ''}`.trim()))
    })
    socket.on('error', (err: Error) => {
      if (!opened && !settled) { settled = true; reject(new InputError(`cannot reach the hub at ${opts.hub}: ${err.message}`)); return }
      finish(`connection error: ${err.message}`)
    })
    socket.on('close', (code: number) => finish(`the hub closed the connection (code ${code}) before the document was in sync`))
  })
}

function toBytes (data: RawData): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  const buf = Array.isArray(data) ? Buffer.concat(data) : data
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length)
}

function hasContent (update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update)
  return structs.length > 0 || ds.clients.size > 0
}
