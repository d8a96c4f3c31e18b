/**
 * "Last seen" marks: per member and account, the account document's state when the member last opened it
 * (in the app, or `pat account show`). What others changed after it is unseen. Kept only on this machine,
 * never synced (another member's marks mean nothing here), in the database beside the account summaries and
 * the directory snapshot, so the accounts list reads every mark in one key range.
 *
 * A mark holds the document's state vector (which activity entries were there: those not covered by it
 * are unseen, whatever the members' clocks say) and each member's count of log entries then (so the list's
 * unseen count is the growth of the others' counts, from the summaries, without opening any document).
 *
 * Keys: ['pat', 'seen', accountId] in y-leveldb's key encoding; values: JSON { [memberId]: Mark }.
 */
import { Buffer } from 'node:buffer'
import * as Y from 'yjs'
import type { Database } from './database.js'
import { parseStored } from './stored-json.js'

export interface Mark { at: string, sv: string, edits: Record<string, number> }

const key = (id: string) => ['pat', 'seen', id]

const parse = (v: Uint8Array | undefined): Record<string, Mark> => {
  if (v === undefined) return {}
  try {
    const parsed = parseStored(v)
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as Record<string, Mark> : {}
  } catch {
    return {}
  }
}

/** Every account's mark for `member`, in one read. */
export async function readMarks (database: Database, member: string): Promise<Map<string, Mark>> {
  const stored = await database.read(db => db.iterator({ gte: ['pat', 'seen'], lt: ['pat', 'seeo'] } as never).all()) as Array<[unknown[], Uint8Array]>
  const out = new Map<string, Mark>()
  for (const [k, v] of stored) {
    const mark = parse(v)[member]
    if (mark) out.set(String(k[2]), mark)
  }
  return out
}

export async function readMark (database: Database, member: string, accountId: string): Promise<Mark | undefined> {
  const [v] = await database.read(db => db.getMany([key(accountId)]) as Promise<Array<Uint8Array | undefined>>)
  return parse(v)[member]
}

/** Marks the document as seen by `member` now: its state and each member's edit count. */
export async function writeMark (database: Database, member: string, accountId: string, doc: Y.Doc, edits: Record<string, number>, at: string): Promise<void> {
  const [v] = await database.read(db => db.getMany([key(accountId)]) as Promise<Array<Uint8Array | undefined>>)
  const marks = parse(v)
  marks[member] = { at, sv: Buffer.from(Y.encodeStateVector(doc)).toString('base64'), edits }
  await database.batch([{ type: 'put', key: key(accountId), value: Buffer.from(JSON.stringify(marks)) }])
}

/** The state vector of a mark (client → clock seen). */
export function markState (mark: Mark): Map<number, number> {
  try {
    return Y.decodeStateVector(Buffer.from(mark.sv, 'base64'))
  } catch {
    return new Map()
  }
}

/**
 * How many log entries others wrote since the mark. An account this member has never opened has no mark
 * and counts none: a newcomer who joins a team with years of history would otherwise see every account
 * flagged with every edit ever made, which tells them nothing (docs/changes.md).
 */
export function unseenCount (edits: Record<string, number>, mark: Mark | undefined, me: string): number {
  if (mark === undefined) return 0
  let n = 0
  for (const [member, count] of Object.entries(edits)) {
    if (member !== me) n += Math.max(0, count - (mark.edits[member] ?? 0))
  }
  return n
}
