/**
 * The derived files of `aggregates/` (store/directory-snapshot.ts, store/range-aggregate.ts): one line of JSON
 * `{"format":N,"generation":"<hex>"}` naming the file's layout and the generation it was derived at
 * (store/generations.ts), a newline, then the body. A reader takes the body only if both match what it
 * expects; a file that is missing, unreadable, short or of another stamp is no file (the reader derives the
 * value again). Written atomically without fsync (store/files.ts DERIVED_FILE): a file a power cut left short
 * or zeroed fails those checks or the body's parse.
 */
import { Buffer } from 'node:buffer'
import { mkdir, open, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { DERIVED_FILE, writeFileAtomic } from './files.js'
import { parseStored } from './stored-json.js'

const NEWLINE = 0x0a
/** Longer than any head line (a format number and a 16-digit token). */
const HEAD_BYTES = 256

/** The head line's generation and where the body starts, if `bytes` starts with a head of this format. */
function headOf (bytes: Uint8Array, format: number): { generation: string, body: number } | undefined {
  const newline = bytes.indexOf(NEWLINE)
  if (newline < 0) return undefined
  try {
    const head = parseStored(bytes.subarray(0, newline)) as { format?: unknown, generation?: unknown } | null
    return head?.format === format && typeof head.generation === 'string' && head.generation !== '' ? { generation: head.generation, body: newline + 1 } : undefined
  } catch {
    return undefined
  }
}

/** The file's body, parsed, if the file is of `format` and stamped `generation` and its body parses. */
export async function readStamped (file: string, format: number, generation: string): Promise<unknown> {
  if (generation === '') return undefined
  const bytes = await readFile(file).catch(() => undefined)
  const head = bytes && headOf(bytes, format)
  if (!bytes || head?.generation !== generation) return undefined
  try {
    return parseStored(bytes.subarray(head.body))
  } catch {
    return undefined
  }
}

/** Whether the file is of `format` and stamped `generation`, reading only its head line. */
export async function isStamped (file: string, format: number, generation: string): Promise<boolean> {
  if (generation === '') return false
  const fh = await open(file, 'r').catch(() => undefined)
  if (!fh) return false
  try {
    const buf = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0)
    return headOf(buf.subarray(0, bytesRead), format)?.generation === generation
  } catch {
    return false
  } finally {
    await fh.close()
  }
}

/** Writes the file: its head line, then the body's parts as they are (already JSON). */
export async function writeStamped (file: string, format: number, generation: string, body: ReadonlyArray<Uint8Array | string>): Promise<void> {
  const parts = [JSON.stringify({ format, generation }) + '\n', ...body].map(p => typeof p === 'string' ? Buffer.from(p) : p)
  await mkdir(dirname(file), { recursive: true, mode: 0o700 })
  await writeFileAtomic(file, Buffer.concat(parts), 0o600, DERIVED_FILE)
}
