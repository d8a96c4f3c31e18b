/**
 * The messages of the Hocuspocus protocol (as @hocuspocus/server 3.x and its provider speak it): every
 * document travels over ONE WebSocket, each binary frame one message for one document:
 *
 *   varString document name, varUint type, then
 *     SYNC (0)             a y-protocols sync message (hub/protocol.ts: step 1, step 2, update)
 *     AWARENESS (1)        varUint8Array awareness update                       (ignored here)
 *     AUTH (2)             varUint subtype, then
 *                            TOKEN (0)              client → server: varString token ("" when none);
 *                                                   server → client: nothing — "send your token again"
 *                            PERMISSION_DENIED (1)  varString reason — the token was refused for this document
 *                            AUTHENTICATED (2)      varString scope ("read-write" or "readonly")
 *     QUERY_AWARENESS (3)  nothing — "send your awareness"                      (ignored: we have none)
 *     STATELESS (5)        varString payload                                    (ignored)
 *     CLOSE (7)            client → server: nothing — "close this document for me";
 *                          server → client: varString reason — the server closed the document
 *     SYNC_STATUS (8)      varUint 1 when the server applied our last step 2 or update, 0 when it did not
 *
 * A document's session: the client sends AUTH TOKEN first, then its step 1 (the server holds everything
 * but the AUTH message until its onAuthenticate hooks pass); the server answers AUTHENTICATED or
 * PERMISSION_DENIED, then (if authenticated) answers each step 1 with its own step 1 followed by the step 2,
 * and each step 2 or update from the client with SYNC_STATUS; it broadcasts every change as a SYNC update,
 * to the client that sent it too. The types read are those the provider reads (SYNC_REPLY (4) and
 * BROADCAST_STATELESS (6) travel only from client to server); anything else, an unknown AUTH subtype or
 * bytes left over is a ProtocolError for that document. A frame whose document name does not decode is a
 * ProtocolError for the whole connection.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { ProtocolError } from '../frames.js'
import { decodeWhole, readSyncMessage, writeSyncMessage, type SyncMessage } from './protocol.js'

export const HP_MESSAGE = { SYNC: 0, AWARENESS: 1, AUTH: 2, QUERY_AWARENESS: 3, STATELESS: 5, CLOSE: 7, SYNC_STATUS: 8 } as const
export const HP_AUTH = { TOKEN: 0, PERMISSION_DENIED: 1, AUTHENTICATED: 2 } as const

export type HocuspocusMessage =
  | { type: 'sync', sync: SyncMessage }
  | { type: 'token-request' }
  | { type: 'permission-denied', reason: string }
  | { type: 'authenticated', scope: string }
  | { type: 'close', reason: string }
  | { type: 'sync-status', applied: boolean }
  | { type: 'ignored', what: 'awareness' | 'query-awareness' | 'stateless' }

/** What the server sends as text is cut and stripped of control characters before anyone shows it. */
const text = (dec: decoding.Decoder) => decoding.readVarString(dec).replace(/[\p{Cc}\p{Cf}]+/gu, ' ').trim().slice(0, 200)

function message (doc: string, type: number, write: (enc: encoding.Encoder) => void = () => {}): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarString(enc, doc)
  encoding.writeVarUint(enc, type)
  write(enc)
  return encoding.toUint8Array(enc)
}

export function writeHocuspocusSync (doc: string, sync: SyncMessage): Uint8Array {
  return message(doc, HP_MESSAGE.SYNC, enc => writeSyncMessage(enc, sync))
}

/** The token for a document, sent before anything else for it ("" when the member has none, as the provider does). */
export function writeToken (doc: string, token: string): Uint8Array {
  return message(doc, HP_MESSAGE.AUTH, enc => { encoding.writeVarUint(enc, HP_AUTH.TOKEN); encoding.writeVarString(enc, token) })
}

/** Asks the server to close a document for this connection (it answers with CLOSE). */
export function writeCloseDoc (doc: string): Uint8Array {
  return message(doc, HP_MESSAGE.CLOSE)
}

/** The document a frame is for; the rest is left in the decoder. Throws ProtocolError when the name does not decode. */
export function readHocuspocusFrame (data: Uint8Array): { doc: string, decoder: decoding.Decoder } {
  const decoder = decoding.createDecoder(data)
  try {
    return { doc: decoding.readVarString(decoder), decoder }
  } catch (err) {
    throw new ProtocolError(`undecodable message: ${(err as Error).message}`)
  }
}

/** The message after the document name; throws ProtocolError on anything but the messages above. */
export function readHocuspocusMessage (dec: decoding.Decoder): HocuspocusMessage {
  return decodeWhole<HocuspocusMessage>(dec, d => {
    const type = decoding.readVarUint(d)
    switch (type) {
      case HP_MESSAGE.SYNC: return { type: 'sync', sync: readSyncMessage(d) }
      case HP_MESSAGE.AWARENESS: decoding.readVarUint8Array(d); return { type: 'ignored', what: 'awareness' }
      case HP_MESSAGE.AUTH: return readAuth(d)
      case HP_MESSAGE.QUERY_AWARENESS: return { type: 'ignored', what: 'query-awareness' }
      case HP_MESSAGE.STATELESS: decoding.readVarString(d); return { type: 'ignored', what: 'stateless' }
      case HP_MESSAGE.CLOSE: return { type: 'close', reason: text(d) }
      case HP_MESSAGE.SYNC_STATUS: return { type: 'sync-status', applied: decoding.readVarUint(d) === 1 }
      default: throw new ProtocolError(`unknown message type ${type}`)
    }
  })
}

function readAuth (dec: decoding.Decoder): HocuspocusMessage {
  const subtype = decoding.readVarUint(dec)
  switch (subtype) {
    case HP_AUTH.TOKEN: return { type: 'token-request' }
    case HP_AUTH.PERMISSION_DENIED: return { type: 'permission-denied', reason: text(dec) }
    case HP_AUTH.AUTHENTICATED: return { type: 'authenticated', scope: text(dec) }
    default: throw new ProtocolError(`unknown auth message ${subtype}`)
  }
}
