/**
 * The messages of the y-websocket protocol, as a stock y-websocket server speaks it: one WebSocket per room
 * (the room is the URL path), binary frames only, each one message:
 *
 *   varUint type, then
 *     SYNC (0)       a y-protocols sync message: varUint step, then
 *                      STEP1 (0)    varUint8Array state vector   — "what I have"
 *                      STEP2 (1)    varUint8Array update         — the answer to a step 1: what the asker lacks
 *                      UPDATE (2)   varUint8Array update         — a change, broadcast as it happens
 *     AWARENESS (1)  varUint8Array awareness update (presence of editors; ignored by PAT Desk's hub client)
 *
 * Any other type, a bad step, or bytes left over after the message is a protocol error: the reader throws
 * ProtocolError and the room is closed. A step 1's state vector is decoded here, so garbage never reaches Yjs
 * as one. (The y-websocket provider also knows AUTH (2), a server's "permission denied"; the stock server
 * never sends it, and this client treats it as unknown.)
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { ProtocolError } from './frames.js'

export const HUB_MESSAGE = { SYNC: 0, AWARENESS: 1 } as const
export const SYNC_STEP = { STEP1: 0, STEP2: 1, UPDATE: 2 } as const

export type HubMessage =
  | { type: 'step1', stateVector: Uint8Array }
  | { type: 'step2' | 'update', update: Uint8Array }
  | { type: 'awareness' }

/** Step 1: this side's state vector. */
export function writeStep1 (doc: Y.Doc): Uint8Array {
  return writeSync(SYNC_STEP.STEP1, Y.encodeStateVector(doc))
}

/** Step 2: the answer to a step 1, `update` = what its sender lacks (Y.encodeStateAsUpdate(doc, itsStateVector)). */
export function writeStep2 (update: Uint8Array): Uint8Array {
  return writeSync(SYNC_STEP.STEP2, update)
}

function writeSync (step: number, payload: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, HUB_MESSAGE.SYNC)
  encoding.writeVarUint(enc, step)
  encoding.writeVarUint8Array(enc, payload)
  return encoding.toUint8Array(enc)
}

/** Decodes one message; throws ProtocolError on anything but the messages above. */
export function readHubMessage (data: Uint8Array): HubMessage {
  let message: HubMessage
  let dec: decoding.Decoder
  try {
    dec = decoding.createDecoder(data)
    const type = decoding.readVarUint(dec)
    switch (type) {
      case HUB_MESSAGE.SYNC: message = readSync(dec); break
      case HUB_MESSAGE.AWARENESS: decoding.readVarUint8Array(dec); message = { type: 'awareness' }; break
      default: throw new ProtocolError(`unknown message type ${type}`)
    }
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    throw new ProtocolError(`undecodable message: ${(err as Error).message}`)
  }
  if (decoding.hasContent(dec)) throw new ProtocolError(`${dec.arr.length - dec.pos} bytes after a ${message.type} message`)
  return message
}

function readSync (dec: decoding.Decoder): HubMessage {
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
