/**
 * Splits a Yjs update into parts that can be judged and applied one by one: one part per client (that
 * client's structs, in clock order, with no deletions) and one part with every deletion. A refused part of
 * an update then never blocks the rest (sync/judge.ts): each part is judged by the same roster rules as a
 * whole update would be, and applied when they allow it.
 *
 * Why per client: a Yjs struct names its author's client id, and one client's structs form one unbroken run of
 * clocks, so a client's part is exactly "what that writer added". A part may build on another part of the
 * same update (an item inserted beside one another client wrote): judged alone it waits (WAIT) until that
 * part is applied, and if that part is refused it waits for good and is set aside with it. Deletions name
 * only the ids of what they delete, never who deleted, so they travel as one part, judged as the sender's.
 *
 * The parts are written with Yjs's own struct writers (Item.write, UpdateEncoderV1), the way
 * Y.mergeUpdates writes the structs it decodes, so a part is an ordinary v1 update.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

export interface UpdatePart {
  /** The writer's client id; undefined for the part that holds the deletions. */
  client?: number
  /** First and last-plus-one clock of the client's structs (0, 0 for deletions). */
  clock: number
  end: number
  update: Uint8Array
}

export function splitUpdate (update: Uint8Array): UpdatePart[] {
  const { structs, ds } = Y.decodeUpdate(update)
  const byClient = new Map<number, Array<Y.Item | Y.GC>>()
  for (const s of structs) {
    if (s instanceof Y.Skip) continue
    const list = byClient.get(s.id.client) ?? []
    list.push(s as Y.Item | Y.GC)
    byClient.set(s.id.client, list)
  }
  const parts: UpdatePart[] = []
  for (const [client, list] of byClient) {
    // A part must be one unbroken run of clocks: a gap (a Skip in the update) starts another part.
    let run: Array<Y.Item | Y.GC> = []
    const flush = () => { if (run.length > 0) parts.push(structPart(client, run)); run = [] }
    for (const s of list) {
      const last = run[run.length - 1]
      if (last && last.id.clock + last.length !== s.id.clock) flush()
      run.push(s)
    }
    flush()
  }
  if (ds.clients.size > 0) parts.push({ clock: 0, end: 0, update: deletionsPart(ds) })
  return parts
}

function structPart (client: number, run: Array<Y.Item | Y.GC>): UpdatePart {
  const enc = new Y.UpdateEncoderV1()
  encoding.writeVarUint(enc.restEncoder, 1) // one client
  encoding.writeVarUint(enc.restEncoder, run.length)
  enc.writeClient(client)
  encoding.writeVarUint(enc.restEncoder, run[0]!.id.clock)
  for (const s of run) s.write(enc, 0)
  encoding.writeVarUint(enc.restEncoder, 0) // no deletions
  const last = run[run.length - 1]!
  return { client, clock: run[0]!.id.clock, end: last.id.clock + last.length, update: enc.toUint8Array() }
}

function deletionsPart (ds: ReturnType<typeof Y.decodeUpdate>['ds']): Uint8Array {
  const enc = new Y.UpdateEncoderV1()
  encoding.writeVarUint(enc.restEncoder, 0) // no structs
  encoding.writeVarUint(enc.restEncoder, ds.clients.size)
  for (const [client, ranges] of ds.clients) {
    enc.resetDsCurVal()
    encoding.writeVarUint(enc.restEncoder, client)
    encoding.writeVarUint(enc.restEncoder, ranges.length)
    for (const r of ranges) { enc.writeDsClock(r.clock); enc.writeDsLen(r.len) }
  }
  return enc.toUint8Array()
}
