/**
 * The frames peers exchange over one connection, carrying all of a workspace's documents.
 *
 * Every frame: varUint type, then
 *   SYNC (0)       varString document name, then a y-protocols sync message (step 1, step 2 or update)
 *   DOCS_END (1)   nothing — "I have sent step 1 for every document I hold"
 *   SYNCED (2)     nothing — "I have your DOCS_END and an answer to every step 1 I sent: I am up to date"
 *   ERROR (3)      varString reason — sent before closing, so the other side can say why
 *   JOIN (4)       varString invite id, varString member name, varString proof — a new member spends an
 *                  invite (the handshake is described in invite.ts); only on a connection to the join path
 *   JOINED (5)     varString role — the inviter put the new member in the roster; sync frames follow
 *   AWARENESS (6)  varUint8Array a y-protocols awareness update (presence: who is online, which account
 *                  they have open), for the whole connection rather than one document
 * Any other type is a protocol error: the receiver closes the connection.
 */
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'

export const FRAME = { SYNC: 0, DOCS_END: 1, SYNCED: 2, ERROR: 3, JOIN: 4, JOINED: 5, AWARENESS: 6 } as const

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError'
}

/** A frame of `type` with the fields `write` adds after it. */
function frame (type: number, write: (enc: encoding.Encoder) => void = () => {}): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, type)
  write(enc)
  return encoding.toUint8Array(enc)
}

export function writeSyncFrame (doc: string, write: (enc: encoding.Encoder) => void): Uint8Array {
  return frame(FRAME.SYNC, enc => { encoding.writeVarString(enc, doc); write(enc) })
}

export function writeSignal (type: typeof FRAME.DOCS_END | typeof FRAME.SYNCED): Uint8Array {
  return frame(type)
}

export function writeError (reason: string): Uint8Array {
  return frame(FRAME.ERROR, enc => encoding.writeVarString(enc, reason))
}

export interface JoinRequest { invite: string, name: string, proof: string }

export function writeJoin (req: JoinRequest): Uint8Array {
  return frame(FRAME.JOIN, enc => {
    encoding.writeVarString(enc, req.invite)
    encoding.writeVarString(enc, req.name)
    encoding.writeVarString(enc, req.proof)
  })
}

export function writeJoined (role: string): Uint8Array {
  return frame(FRAME.JOINED, enc => encoding.writeVarString(enc, role))
}

export function writeAwareness (update: Uint8Array): Uint8Array {
  return frame(FRAME.AWARENESS, enc => encoding.writeVarUint8Array(enc, update))
}

export type Frame =
  | { type: typeof FRAME.SYNC, doc: string, decoder: decoding.Decoder }
  | { type: typeof FRAME.DOCS_END | typeof FRAME.SYNCED }
  | { type: typeof FRAME.ERROR, reason: string }
  | { type: typeof FRAME.JOIN, join: JoinRequest }
  | { type: typeof FRAME.JOINED, role: string }
  | { type: typeof FRAME.AWARENESS, update: Uint8Array }

/** Strings a peer sends are cut to a sane length before anyone logs or stores them. */
const short = (dec: decoding.Decoder, max: number) => decoding.readVarString(dec).slice(0, max)

/** Decodes a frame's header; the SYNC payload is left in the decoder. Throws ProtocolError on garbage. */
export function readFrame (data: Uint8Array): Frame {
  try {
    const dec = decoding.createDecoder(data)
    const type = decoding.readVarUint(dec)
    switch (type) {
      case FRAME.SYNC: return { type, doc: decoding.readVarString(dec), decoder: dec }
      case FRAME.DOCS_END: case FRAME.SYNCED: return { type }
      case FRAME.ERROR: return { type, reason: short(dec, 500) }
      case FRAME.JOIN: return { type, join: { invite: short(dec, 100), name: short(dec, 200), proof: short(dec, 200) } }
      case FRAME.JOINED: return { type, role: short(dec, 20) }
      case FRAME.AWARENESS: return { type, update: decoding.readVarUint8Array(dec) }
      default: throw new ProtocolError(`unknown frame type ${type}`)
    }
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    throw new ProtocolError(`undecodable frame: ${(err as Error).message}`)
  }
}
