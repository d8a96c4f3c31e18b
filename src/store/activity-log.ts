/**
 * The per-account activity log: a Y.Array of entries that are only ever appended (with the LOG origin, so
 * an undo never removes the record of the change it undoes). Concurrent appends from several members all
 * survive the merge; readers sort by time.
 */
import type * as Y from 'yjs'
import { sortActivity, type ActivityEntry } from '../domain/index.js'
import { LOG } from './origins.js'
import { accountRoots } from './schema.js'

export function appendActivity (doc: Y.Doc, entry: ActivityEntry): void {
  doc.transact(() => accountRoots(doc).log.push([entry]), LOG)
}

export function readActivity (doc: Y.Doc): ActivityEntry[] {
  return sortActivity(accountRoots(doc).log.toArray() as ActivityEntry[])
}
