/**
 * Who made a given Yjs write, and when: an edit appends its activity entry right after its change, in the
 * same process and so with the same Yjs client, so the first log entry of that client after the write's
 * clock belongs to the write's edit (store/workspace.ts `edit`).
 */
import * as Y from 'yjs'
import type { ActivityEntry } from '../domain/index.js'
import { accountRoots } from './schema.js'

export interface Writer { by: string, byName: string, at: string }

/**
 * A writer, with the fields their edit changed (where a replaced value's text can still be read) and their
 * entry's place in the log (`order`, or `at` in entries older than it), where a line about the edit belongs.
 */
export interface WriterEntry extends Writer { fields?: ActivityEntry['fields'], order: string }

export type WriterLookup = (client: number, clock?: number) => WriterEntry | undefined

export function writerIndex (doc: Y.Doc): WriterLookup {
  const byClient = new Map<number, Array<{ clock: number, entry: ActivityEntry }>>()
  for (let it = accountRoots(doc).log._start; it !== null; it = it.right) {
    if (it.deleted || !(it.content instanceof Y.ContentAny)) continue
    const entries = it.content.getContent() as ActivityEntry[]
    let list = byClient.get(it.id.client)
    if (!list) byClient.set(it.id.client, list = [])
    entries.forEach((entry, i) => list.push({ clock: it.id.clock + i, entry }))
  }
  for (const list of byClient.values()) list.sort((a, b) => a.clock - b.clock)
  return (client, clock = -1) => {
    const hit = byClient.get(client)?.find(e => e.clock > clock)?.entry
    return hit ? { by: hit.by, byName: hit.byName, at: hit.at, order: hit.order ?? hit.at, ...(hit.fields ? { fields: hit.fields } : {}) } : undefined
  }
}
