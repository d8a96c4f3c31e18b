/**
 * One file holding a whole per-account key range of store/summary-cache.ts (the summaries, or the due
 * inputs), so that a reader of every account reads one file and parses it once instead of iterating 10,000
 * keys: at 10,000 accounts iterating the summaries costs ~120 ms (y-leveldb's key decoding, a round trip to
 * LevelDB's thread per chunk), the file ~20 ms (docs/startup.md, seventh round). A file, not a database
 * value: LevelDB reads a value in one block, so a megabytes-large value is read and decompressed whole by
 * every seek that lands beside it, which made the first seek of a command 40–90 ms.
 *
 * Derived data, kept only on this machine, and never read when out of date: it is stamped with the
 * database's `summaries` generation (store/generations.ts), which every batch that writes one of these ranges
 * replaces, in the same atomic batch, with a new random token. The file is written (`atGeneration`) only while
 * the generation is still the one the range was read at, stamped with it (store/stamped-file.ts); so it is
 * read only while it says what the range says, whatever was killed when. A file that does not parse, or has
 * another format or stamp, is ignored: the range is read key by key and the file written again.
 *
 * File `aggregates/<prefix>.json` in the member's home: the stamp line of store/stamped-file.ts (format 1),
 * then a JSON object of account id → the range's own stored value (`{format, value}`, as kept under
 * ['pat', prefix, id]), written from the stored bytes as they are, without decoding them, and decoded entry
 * by entry as the range's values are.
 */
import { Buffer } from 'node:buffer'
import { join } from 'node:path'
import type { Database } from './database.js'
import { readStamped, writeStamped } from './stamped-file.js'

/** Raised whenever the file's layout changes: a file of another format is ignored. */
const FORMAT = 1

/** A range as read key by key: each account's stored bytes, and the generation they were read at. */
export interface RangeRead { generation: string, entries: Array<[string, Uint8Array]> }

export const aggregateFile = (dir: string, prefix: string): string => join(dir, `${prefix}.json`)

/** The body: a JSON object of account id → the stored value's bytes as they are. */
function body (entries: ReadonlyArray<readonly [string, Uint8Array]>): Uint8Array[] {
  const parts: Uint8Array[] = [Buffer.from('{')]
  entries.forEach(([id, bytes], i) => {
    parts.push(Buffer.from(`${i ? ',' : ''}${JSON.stringify(id)}:`), bytes)
  })
  parts.push(Buffer.from('}'))
  return parts
}

/**
 * The file's entries (account id → the stored value, parsed) if it is current at `generation`; undefined if
 * it is absent, out of date, damaged or of another format.
 */
export async function readAggregate (dir: string, prefix: string, generation: string): Promise<Array<[string, unknown]> | undefined> {
  const values = await readStamped(aggregateFile(dir, prefix), FORMAT, generation)
  return typeof values === 'object' && values !== null && !Array.isArray(values) ? Object.entries(values) : undefined
}

/** Writes the file of a range read at `read.generation`, unless the range was written since; resolves whether it did. */
export function writeAggregate (database: Database, dir: string, prefix: string, read: RangeRead): Promise<boolean> {
  return database.atGeneration('summaries', read.generation, () => writeStamped(aggregateFile(dir, prefix), FORMAT, read.generation, body(read.entries)))
}
