/**
 * The messages of the y-websocket protocol, as a stock y-websocket server speaks it: one WebSocket per room
 * (the room is the URL path), binary frames only, each one message:
 *
 *   varUint type, then
 *     SYNC (0)       a y-protocols sync message (below)
 *     AWARENESS (1)  varUint8Array awareness update (presence of editors; ignored by PAT Desk's hub client)
 *
 * A y-protocols sync message — also the payload of a Hocuspocus Sync message (hub/hocuspocus-protocol.ts):
 *
 *   varUint step, then
 *     STEP1 (0)    varUint8Array state vector   — "what I have"
 *     STEP2 (1)    varUint8Array update         — the answer to a step 1: what the asker lacks
 *     UPDATE (2)   varUint8Array update         — a change, broadcast as it happens
 *
 * Any other type, a bad step, or bytes left over after the message is a protocol error: the reader throws
 * ProtocolError and the room is closed. A step 1's state vector is decoded here, so garbage never reaches Yjs
 * as one. (The y-websocket provider also knows AUTH (2), a server's "permission denied"; the stock server
 * never sends it, and this client treats it as unknown.)
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { ProtocolError } from '../frames.js'

export const HUB_MESSAGE = { SYNC: 0, AWARENESS: 1 } as const
export const SYNC_STEP = { STEP1: 0, STEP2: 1, UPDATE: 2 } as const

export type SyncMessage =
  | { type: 'step1', stateVector: Uint8Array }
  | { type: 'step2' | 'update', update: Uint8Array }

export type HubMessage = SyncMessage | { type: 'awareness' }

/** Step 1 for a document: its state vector. */
export const step1 = (doc: Y.Doc): SyncMessage => ({ type: 'step1', stateVector: Y.encodeStateVector(doc) })

export function writeSyncMessage (enc: encoding.Encoder, message: SyncMessage): void {
  switch (message.type) {
    case 'step1': encoding.writeVarUint(enc, SYNC_STEP.STEP1); encoding.writeVarUint8Array(enc, message.stateVector); break
    case 'step2': encoding.writeVarUint(enc, SYNC_STEP.STEP2); encoding.writeVarUint8Array(enc, message.update); break
    case 'update': encoding.writeVarUint(enc, SYNC_STEP.UPDATE); encoding.writeVarUint8Array(enc, message.update); break
  }
}

/** Reads a sync message; throws ProtocolError on an unknown step, or what lib0/Yjs throw on garbage. */
export function readSyncMessage (dec: decoding.Decoder): SyncMessage {
  const step = decoding.readVarUint(dec)
  switch (step) {
    case SYNC_STEP.STEP1: {
      const stateVector = decoding.readVarUint8Array(dec)
      Y.decodeStateVector(stateVector) // throws on garbage
      return { type: 'step1', stateVector }
    }
    case SYNC_STEP.STEP2: return { type: 'step2', update: decoding.readVarUint8Array(dec) }
    case SYNC_STEP.UPDATE: return { type: 'update', update: decoding.readVarUint8Array(dec) }
    default: throw new ProtocolError(`unknown sync step ${step}`)
  }
}

/** A y-websocket SYNC message. */
export function writeHubMessage (message: SyncMessage): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, HUB_MESSAGE.SYNC)
  writeSyncMessage(enc, message)
  return encoding.toUint8Array(enc)
}

/** Decodes one y-websocket message; throws ProtocolError on anything but the messages above. */
export function readHubMessage (data: Uint8Array): HubMessage {
  return decodeWhole(data, dec => {
    const type = decoding.readVarUint(dec)
    switch (type) {
      case HUB_MESSAGE.SYNC: return readSyncMessage(dec)
      case HUB_MESSAGE.AWARENESS: decoding.readVarUint8Array(dec); return { type: 'awareness' }
      default: throw new ProtocolError(`unknown message type ${type}`)
    }
  })
}

/**
 * Runs `read` over the decoder of `data` and checks nothing is left after the message; what lib0 or Yjs
 * throw on garbage becomes a ProtocolError.
 */
export function decodeWhole<T extends { type: string }> (data: Uint8Array | decoding.Decoder, read: (dec: decoding.Decoder) => T): T {
  let message: T
  const dec = data instanceof Uint8Array ? decoding.createDecoder(data) : data
  try {
    message = read(dec)
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    throw new ProtocolError(`undecodable message: ${(err as Error).message}`)
  }
  if (decoding.hasContent(dec)) throw new ProtocolError(`${dec.arr.length - dec.pos} bytes after a ${message.type} message`)
  return message
}
