/**
 * One file holding a whole per-account key range of store/summary-cache.ts (the summaries, or the due
 * inputs), so that a reader of every account reads one file and parses it once instead of iterating 10,000
 * keys: at 10,000 accounts iterating the summaries costs ~120 ms (y-leveldb's key decoding, a round trip to
 * LevelDB's thread per chunk), the file ~20 ms (docs/startup.md, seventh round). A file, not a database
 * value: LevelDB reads a value in one block, so a megabytes-large value is read and decompressed whole by
 * every seek that lands beside it, which made the first seek of a command 40–90 ms.
 *
 * Derived data, kept only on this machine, and never read when out of date: it is stamped with the
 * database's generation (store/database.ts), which every batch that writes one of these ranges replaces, in
 * the same atomic batch, with a new random token. The file is written (`atGeneration`) only while the
 * generation is still the one the range was read at, stamped with it, atomically (store/files.ts); so it is
 * read only while it says what the range says, whatever was killed when. A file that does not parse, or has
 * another format or stamp, is ignored: the range is read key by key and the file written again.
 *
 * File `aggregates/<prefix>.json` in the member's home: one line of JSON `{"format":1,"generation":"<hex>"}`,
 * a newline, then a JSON object of account id → the range's own stored value (`{format, value}`, as kept
 * under ['pat', prefix, id]), written from the stored bytes as they are, without decoding them, and decoded
 * entry by entry as the range's values are.
 */
import { Buffer } from 'node:buffer'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database } from './database.js'
import { DERIVED_FILE, writeFileAtomic } from './files.js'
import { parseStored } from './stored-json.js'

/** Raised whenever the file's layout changes: a file of another format is ignored. */
const FORMAT = 1
const NEWLINE = 0x0a

/** A range as read key by key: each account's stored bytes, and the generation they were read at. */
export interface RangeRead { generation: string, entries: Array<[string, Uint8Array]> }

export const aggregateFile = (dir: string, prefix: string): string => join(dir, `${prefix}.json`)

export function encodeAggregate (generation: string, entries: ReadonlyArray<readonly [string, Uint8Array]>): Buffer {
  const parts: Uint8Array[] = [Buffer.from(JSON.stringify({ format: FORMAT, generation }) + '\n{')]
  entries.forEach(([id, bytes], i) => {
    parts.push(Buffer.from(`${i ? ',' : ''}${JSON.stringify(id)}:`), bytes)
  })
  parts.push(Buffer.from('}'))
  return Buffer.concat(parts)
}

/**
 * The aggregate's entries (account id → the stored value, parsed), if `bytes` is one of this format stamped
 * with `generation`; undefined if it is absent, out of date, damaged or of another format.
 */
export function decodeAggregate (bytes: Uint8Array | undefined, generation: string): Array<[string, unknown]> | undefined {
  if (bytes === undefined || generation === '') return undefined
  const newline = bytes.indexOf(NEWLINE)
  if (newline < 0) return undefined
  try {
    const head = parseStored(bytes.subarray(0, newline)) as { format?: unknown, generation?: unknown } | null
    if (head?.format !== FORMAT || head.generation !== generation) return undefined
    const values = parseStored(bytes.subarray(newline + 1))
    return typeof values === 'object' && values !== null && !Array.isArray(values) ? Object.entries(values) : undefined
  } catch {
    return undefined
  }
}

/** The file's entries if it is current at `generation` (see decodeAggregate); a missing or unreadable file is none. */
export async function readAggregate (dir: string, prefix: string, generation: string): Promise<Array<[string, unknown]> | undefined> {
  if (generation === '') return undefined
  const bytes = await readFile(aggregateFile(dir, prefix)).catch(() => undefined)
  return decodeAggregate(bytes, generation)
}

/** Writes the file of a range read at `read.generation`, unless the range was written since; resolves whether it did. */
export function writeAggregate (database: Database, dir: string, prefix: string, read: RangeRead): Promise<boolean> {
  return database.atGeneration('summaries', read.generation, async () => {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    await writeFileAtomic(aggregateFile(dir, prefix), encodeAggregate(read.generation, read.entries), 0o600, DERIVED_FILE)
  })
}
