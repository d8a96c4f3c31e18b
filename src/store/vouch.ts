/**
 * A vouch: a member's signed statement "the Yjs structs of these client ids, up to these clocks, and these
 * deletions, in document DOC of team TEAM, are mine to answer for". A hub relays structs that name only a
 * client id, so a member receiving through a hub cannot tell who wrote them; a vouch lets it: hub structs are
 * applied only when a member who may write the document vouches for their clock range (store/vouches.ts).
 *
 * Wire format (lib0 encoding, as y-protocols writes its messages):
 *
 *   varUint         version            1; any other is refused ("unknown vouch version N")
 *   varString       team id
 *   varString       document name      `workspace`, `account/<id>`
 *   varString       member id          whose key signs
 *   varUint         seq                greater than the member's previous vouch for this document (no replay)
 *   varUint         n clients, then n × (varUint client, varUint end): structs of `client` at clocks [0, end)
 *   varUint         m clients, then m × (varUint client, varUint k, k × (varUint clock, varUint len)): deletions
 *   varUint8Array   signature          Ed25519 by the member's roster key over "pat-vouch/1\0" + every byte above
 *
 * Nothing may follow the signature. `readVouch` throws a VouchError (one line) on a truncated, unknown or
 * oversized message; `vouchRefusal` says why a decoded vouch does not hold (another team, a signature that
 * does not match the key). Signing the whole body, team and document included, means a vouch copied into
 * another document, team or member's slot does not verify.
 */
import { Buffer } from 'node:buffer'
import { verify } from 'node:crypto'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Signer } from './member-signature.js'

export const VOUCH_VERSION = 1
const CONTEXT = new TextEncoder().encode('pat-vouch/1\0')
/** Bounds a hostile vouch cannot exceed (a document with more writers than this is not one PAT Desk makes). */
const MAX_CLIENTS = 100_000
const MAX_RANGES = 1_000_000

export interface VouchBody {
  team: string
  doc: string
  member: string
  seq: number
  /** Client id → end clock: structs at clocks [0, end) are vouched for. */
  clients: Map<number, number>
  /** Client id → deleted ranges [clock, clock + len), sorted and merged. */
  deletes: Map<number, Array<{ clock: number, len: number }>>
}

export interface Vouch extends VouchBody { signature: Uint8Array }

export class VouchError extends Error {}

function writeBody (enc: encoding.Encoder, v: VouchBody): void {
  encoding.writeVarUint(enc, VOUCH_VERSION)
  encoding.writeVarString(enc, v.team)
  encoding.writeVarString(enc, v.doc)
  encoding.writeVarString(enc, v.member)
  encoding.writeVarUint(enc, v.seq)
  const clients = [...v.clients].sort((a, b) => a[0] - b[0])
  encoding.writeVarUint(enc, clients.length)
  for (const [client, end] of clients) { encoding.writeVarUint(enc, client); encoding.writeVarUint(enc, end) }
  const deletes = [...v.deletes].sort((a, b) => a[0] - b[0])
  encoding.writeVarUint(enc, deletes.length)
  for (const [client, ranges] of deletes) {
    encoding.writeVarUint(enc, client)
    encoding.writeVarUint(enc, ranges.length)
    for (const r of ranges) { encoding.writeVarUint(enc, r.clock); encoding.writeVarUint(enc, r.len) }
  }
}

function bodyBytes (v: VouchBody): Uint8Array {
  const enc = encoding.createEncoder()
  writeBody(enc, v)
  return encoding.toUint8Array(enc)
}

function signed (body: Uint8Array): Uint8Array {
  const out = new Uint8Array(CONTEXT.length + body.length)
  out.set(CONTEXT)
  out.set(body, CONTEXT.length)
  return out
}

/** The vouch `body` signed by `signer` (whose id must be the body's member). */
export function signVouch (body: VouchBody, signer: Signer): Vouch {
  if (signer.id !== body.member) throw new Error('a vouch is signed by its own member')
  return { ...body, signature: signer.sign(signed(bodyBytes(body))) }
}

export function writeVouch (v: Vouch): Uint8Array {
  const enc = encoding.createEncoder()
  writeBody(enc, v)
  encoding.writeVarUint8Array(enc, v.signature)
  return encoding.toUint8Array(enc)
}

function count (dec: decoding.Decoder, max: number, what: string): number {
  const n = decoding.readVarUint(dec)
  if (n > max) throw new VouchError(`a vouch with ${n} ${what} (at most ${max})`)
  return n
}

/** Decodes a vouch; throws a VouchError on anything but exactly one well-formed vouch of a known version. */
export function readVouch (bytes: Uint8Array): Vouch {
  try {
    const dec = decoding.createDecoder(bytes)
    const version = decoding.readVarUint(dec)
    if (version !== VOUCH_VERSION) throw new VouchError(`unknown vouch version ${version}`)
    const team = decoding.readVarString(dec)
    const doc = decoding.readVarString(dec)
    const member = decoding.readVarString(dec)
    const seq = decoding.readVarUint(dec)
    const clients = new Map<number, number>()
    for (let n = count(dec, MAX_CLIENTS, 'clients'); n > 0; n--) clients.set(decoding.readVarUint(dec), decoding.readVarUint(dec))
    const deletes = new Map<number, Array<{ clock: number, len: number }>>()
    let ranges = 0
    for (let n = count(dec, MAX_CLIENTS, 'clients'); n > 0; n--) {
      const client = decoding.readVarUint(dec)
      const list: Array<{ clock: number, len: number }> = []
      for (let k = count(dec, MAX_RANGES, 'deleted ranges'); k > 0; k--) list.push({ clock: decoding.readVarUint(dec), len: decoding.readVarUint(dec) })
      if ((ranges += list.length) > MAX_RANGES) throw new VouchError(`a vouch with more than ${MAX_RANGES} deleted ranges`)
      deletes.set(client, list)
    }
    const signature = decoding.readVarUint8Array(dec)
    if (decoding.hasContent(dec)) throw new VouchError('bytes after the vouch\'s signature')
    return { team, doc, member, seq, clients, deletes, signature }
  } catch (err) {
    if (err instanceof VouchError) throw err
    throw new VouchError(`a vouch that does not decode (${(err as Error).message})`) // lib0: unexpected end of array, …
  }
}

/** Why `v` does not hold for team `teamId` with the member's key `publicKeyPem`; undefined when it does. */
export function vouchRefusal (v: Vouch, teamId: string, publicKeyPem: string): string | undefined {
  if (v.team !== teamId) return 'a vouch of another team'
  try {
    if (verify(null, signed(bodyBytes(v)), publicKeyPem, Buffer.from(v.signature))) return undefined
  } catch {} // not a key Ed25519 can verify with: the signature does not hold
  return 'a vouch whose signature does not match the member\'s key'
}
