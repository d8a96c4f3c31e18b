// Awareness updates written by hand (a hostile peer's or a stale one's): y-protocols' encoding, with any state.
import * as encoding from 'lib0/encoding'

/** A y-protocols awareness update: per entry the client id, its clock and its state as JSON (null: removed). */
export function awarenessUpdate (entries: Array<{ client: number, clock: number, state: unknown }>): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, entries.length)
  for (const e of entries) { encoding.writeVarUint(enc, e.client); encoding.writeVarUint(enc, e.clock); encoding.writeVarString(enc, JSON.stringify(e.state)) }
  return encoding.toUint8Array(enc)
}
