/**
 * The per-account activity log: a Y.Array of entries that are only ever appended (with the LOG origin, so
 * an undo never removes the record of the change it undoes). Concurrent appends from several members all
 * survive the merge.
 *
 * Order, when members' clocks disagree: an entry keeps `at`, its author's clock reading (what is shown),
 * and `order`, its place in the log — `at`, or if that is not later than every entry its author's copy of
 * the log already held, 1 ms after the latest of them (a hybrid logical clock). Readers sort by `order`
 * (domain sortActivity), so an entry never sorts before one its author had seen — a member whose clock is
 * a day behind still appears after what they answered — and entries made without knowing of each other
 * interleave by their authors' clocks. Entries written before `order` existed sort by `at`.
 */
import type * as Y from 'yjs'
import { sortActivity, type ActivityEntry } from '../domain/index.js'
import { LOG } from './origins.js'
import { accountRoots } from './schema.js'
import { conflictActivity } from './conflict-read.js'

/**
 * The latest `order` (in ms) of each log this process appends to: found by one scan, then kept by our own
 * appends; entries from elsewhere (a peer, an undo never touches the log) make it scan again.
 */
const latest = new WeakMap<Y.Array<unknown>, number>()
const observed = new WeakSet<Y.Array<unknown>>()

const orderMs = (e: ActivityEntry): number => Date.parse(e.order ?? e.at) || 0

function latestOrder (log: Y.Array<unknown>): number {
  let max = latest.get(log)
  if (max === undefined) {
    max = (log.toArray() as ActivityEntry[]).reduce((m, e) => Math.max(m, orderMs(e)), 0)
    if (!observed.has(log)) {
      observed.add(log)
      log.observe(event => { if (event.transaction.origin !== LOG) latest.delete(log) })
    }
    latest.set(log, max)
  }
  return max
}

export function appendActivity (doc: Y.Doc, entry: Omit<ActivityEntry, 'order'>): void {
  const log = accountRoots(doc).log
  const ms = Math.max(Date.parse(entry.at) || 0, latestOrder(log) + 1)
  doc.transact(() => log.push([{ ...entry, order: new Date(ms).toISOString() }]), LOG)
  latest.set(log, ms)
}

/** The log, with the lines its conflict records add (store/conflict-read.ts), in reading order. */
export function readActivity (doc: Y.Doc): ActivityEntry[] {
  return sortActivity([...accountRoots(doc).log.toArray() as ActivityEntry[], ...conflictActivity(doc)])
}
