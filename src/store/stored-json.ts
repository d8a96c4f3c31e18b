/**
 * The JSON values this layer keeps beside the documents (summaries, the directory snapshot, seen marks),
 * parsed straight from the bytes LevelDB returns: decoded in place, not copied first — the directory
 * snapshot of 10,000 accounts is megabytes, and fresh memory costs a page fault per 4 KiB.
 */
import { Buffer } from 'node:buffer'

/** The value stored as JSON in `bytes`; throws as JSON.parse does. */
export function parseStored (bytes: Uint8Array): unknown {
  return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'))
}
