/**
 * The frames peers exchange over one connection, carrying all of a workspace's documents.
 *
 * Every frame: varUint type, then
 *   SYNC (0)       varString document name, then a y-protocols sync message (step 1, step 2 or update)
 *   DOCS_END (1)   nothing — "I have sent step 1 for every document I hold"
 *   SYNCED (2)     nothing — "I have your DOCS_END and an answer to every step 1 I sent: I am up to date"
 *   ERROR (3)      varString reason — sent before closing, so the other side can say why
 * Any other type is a protocol error: the receiver closes the connection.
 */
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'

export const FRAME = { SYNC: 0, DOCS_END: 1, SYNCED: 2, ERROR: 3 } as const

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError'
}

export function writeSyncFrame (doc: string, write: (enc: encoding.Encoder) => void): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, FRAME.SYNC)
  encoding.writeVarString(enc, doc)
  write(enc)
  return encoding.toUint8Array(enc)
}

export function writeSignal (type: typeof FRAME.DOCS_END | typeof FRAME.SYNCED): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, type)
  return encoding.toUint8Array(enc)
}

export function writeError (reason: string): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, FRAME.ERROR)
  encoding.writeVarString(enc, reason)
  return encoding.toUint8Array(enc)
}

export type Frame =
  | { type: typeof FRAME.SYNC, doc: string, decoder: decoding.Decoder }
  | { type: typeof FRAME.DOCS_END | typeof FRAME.SYNCED }
  | { type: typeof FRAME.ERROR, reason: string }

/** Decodes a frame's header; the SYNC payload is left in the decoder. Throws ProtocolError on garbage. */
export function readFrame (data: Uint8Array): Frame {
  try {
    const dec = decoding.createDecoder(data)
    const type = decoding.readVarUint(dec)
    switch (type) {
      case FRAME.SYNC: return { type, doc: decoding.readVarString(dec), decoder: dec }
      case FRAME.DOCS_END: case FRAME.SYNCED: return { type }
      case FRAME.ERROR: return { type, reason: decoding.readVarString(dec).slice(0, 500) }
      default: throw new ProtocolError(`unknown frame type ${type}`)
    }
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    throw new ProtocolError(`undecodable frame: ${(err as Error).message}`)
  }
}
