/**
 * A read command's answer, kept whole as it was printed, so that the same command on the same stored state
 * prints it again without reading the workspace. At 10,000 accounts `pat account list --json` prints 4.4 MB
 * made from 4.7 MB of stored JSON, and `pat due --json` 30 MB made from 14 MB: parsing, building and
 * stringifying that is most of their time, and a person runs them again and again on a state that has not
 * changed (docs/startup.md, tenth round).
 *
 * Derived, kept only on this machine, and never read when out of date: stamped with the generations
 * (store/generations.ts) of every part of the database the answer was made from, the member whose answer it
 * is, and the command's own `variant` (the program's build, the command's options, the day it was made for).
 * Any write to one of those parts, here or from a peer, gives its generation a new random token in the same
 * batch, so the stamp no longer matches; a database put back from elsewhere carries tokens of its own.
 *
 * File `aggregates/output-<name>`: HEAD_BYTES bytes of head — JSON `{"format":1,"stamp":"…","bytes":N}`,
 * padded with spaces, the last byte a newline — then the N bytes of the answer as printed. One file per
 * command name: another variant replaces it. It is written while the answer is printed, into a temporary
 * file whose head is written last, and renamed into place only when the answer was printed whole and the
 * stamp still holds. No fsync (like the other derived files): a power cut can leave a file short or
 * zero-filled, so a reader takes it only if its length is the head's and no byte of it is NUL — which
 * JSON text never holds raw (cli/io.ts jsonText escapes every control character).
 */
import { Buffer } from 'node:buffer'
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database } from './database.js'
import { StoreError } from './errors.js'
import type { GenerationName } from './generations.js'
import { parseStored } from './stored-json.js'

/** Raised whenever the file's layout changes: a file of another format is ignored. */
const FORMAT = 1
/** The head's fixed size: room for the stamp (a variant, a member id and a few 16-digit tokens). */
const HEAD_BYTES = 1024
/** Read and written this much at a time, through one buffer: fresh memory costs page faults (docs/startup.md). */
const CHUNK = 256 * 1024

/** What an answer is made from, besides the stored state: see the header. */
export interface OutputKey {
  /** The command (a file name part: letters, digits and dashes). */
  name: string
  /** Everything else the answer depends on: the program's build, the options, the day. */
  variant: string
  /** The parts of the database it reads. */
  parts: readonly GenerationName[]
}

/**
 * Writes a chunk of the answer; resolves (or returns) once the chunk's buffer may be written over — at once
 * when the output took it whole, after the output drained when it queued it.
 */
export type ChunkWriter = (chunk: Uint8Array) => Promise<void> | undefined

const fileOf = (dir: string, key: OutputKey): string => {
  if (!/^[a-z0-9-]+$/.test(key.name)) throw new Error(`output name "${key.name}" is not a plain name`)
  return join(dir, `output-${key.name}`)
}

/** The stamp of the answer for `key` on the database as it is now. */
export async function outputStamp (database: Database, member: string, key: OutputKey): Promise<string | undefined> {
  const tokens = await Promise.all(key.parts.map(name => database.generation(name)))
  // An empty token: the database could not be given one (a failed write), so no state can be named.
  if (tokens.includes('')) return undefined
  return JSON.stringify([key.variant, member, ...key.parts.map((name, i) => `${name}=${tokens[i]!}`)])
}

function headOf (buf: Uint8Array): { stamp: string, bytes: number } | undefined {
  if (buf.length < HEAD_BYTES || buf[HEAD_BYTES - 1] !== 0x0a) return undefined
  try {
    const head = parseStored(buf.subarray(0, HEAD_BYTES)) as { format?: unknown, stamp?: unknown, bytes?: unknown } | null
    return head?.format === FORMAT && typeof head.stamp === 'string' && Number.isSafeInteger(head.bytes) && (head.bytes as number) >= 0
      ? { stamp: head.stamp, bytes: head.bytes as number }
      : undefined
  } catch {
    return undefined
  }
}

/** Reads `fd` from `position` to `end` in chunks through `buf`; `each` gets every chunk (a view of `buf`) in turn, false to stop. */
async function readChunks (fd: number, buf: Buffer, position: number, end: number, each: (chunk: Buffer) => boolean | Promise<void> | undefined): Promise<boolean> {
  for (let at = position; at < end;) {
    const got = readSync(fd, buf, 0, Math.min(buf.length, end - at), at)
    if (got <= 0) return false
    const done = each(buf.subarray(0, got))
    if (done === false) return false
    if (done !== true && done !== undefined) await done
    at += got
  }
  return true
}

/**
 * Writes the kept answer for `key` if it is current at `stamp` and whole; resolves whether it did. Nothing is
 * written unless the whole file has been checked first; the file is read and written through one buffer.
 */
export async function replayOutput (dir: string, key: OutputKey, stamp: string | undefined, write: ChunkWriter): Promise<boolean> {
  if (stamp === undefined) return false
  let writing = false
  let fd: number
  try {
    fd = openSync(fileOf(dir, key), 'r')
  } catch {
    return false
  }
  try {
    const buf = Buffer.allocUnsafe(CHUNK)
    const head = headOf(buf.subarray(0, readSync(fd, buf, 0, HEAD_BYTES, 0)))
    if (head?.stamp !== stamp || fstatSync(fd).size !== HEAD_BYTES + head.bytes) return false
    const end = HEAD_BYTES + head.bytes
    // First pass: the file is whole (no NUL a power cut could have left); it is in the page cache after.
    if (!await readChunks(fd, buf, HEAD_BYTES, end, chunk => !chunk.includes(0))) return false
    writing = true
    if (!await readChunks(fd, buf, HEAD_BYTES, end, write)) throw new Error('the file ended early')
    return true
  } catch (err) {
    // Once part of it is written, making the answer again would print it twice: this run fails instead.
    // The file is removed, so that the next run makes the answer again.
    if (writing) {
      try { rmSync(fileOf(dir, key), { force: true }) } catch {}
      throw new StoreError('io', `cannot read the kept answer ${fileOf(dir, key)} (${(err as Error).message}): run the command again`, err)
    }
    return false
  } finally {
    closeSync(fd)
  }
}

/**
 * Records an answer as it is printed (`tee`), then keeps it (`keep`) if it was printed whole. Recording
 * never fails the command: a file that cannot be written (a full disk, a read-only home) is no file.
 */
export class OutputRecorder {
  private fd: number | undefined
  private bytes = 0
  private readonly tmp: string

  private constructor (private readonly file: string) {
    // One name, not one per process: only the process holding the workspace's lock records, and a file a
    // killed process left is overwritten by the next rather than piling up.
    this.tmp = `${file}.tmp`
  }

  static async start (dir: string, key: OutputKey): Promise<OutputRecorder> {
    const recorder = new OutputRecorder(fileOf(dir, key))
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 })
      recorder.fd = openSync(recorder.tmp, 'w', 0o600)
      writeSync(recorder.fd, Buffer.alloc(HEAD_BYTES, 0x20)) // the head's place, written last
    } catch {
      recorder.discard()
    }
    return recorder
  }

  /** The parts, unchanged, each also written to the file. */
  * tee (parts: Iterable<string>): Iterable<string> {
    for (const part of parts) {
      this.append(part)
      yield part
    }
  }

  /** Writes a part to the file; on any failure the recording is dropped. */
  private append (text: string): void {
    if (this.fd === undefined) return
    try {
      // Written as a string: node encodes it into memory it reuses, where Buffer.from would fault in fresh pages.
      const length = Buffer.byteLength(text)
      if (writeSync(this.fd, text) !== length) throw new Error('short write') // a full disk
      this.bytes += length
    } catch {
      this.discard()
    }
  }

  /** Keeps the file stamped `stamp` (which the caller read after printing, from the same database). */
  keep (stamp: string | undefined): void {
    if (this.fd === undefined) return
    if (stamp === undefined) { this.discard(); return }
    try {
      const head = Buffer.from(JSON.stringify({ format: FORMAT, stamp, bytes: this.bytes }))
      if (head.length > HEAD_BYTES - 1) throw new Error('stamp too long')
      const padded = Buffer.alloc(HEAD_BYTES, 0x20)
      head.copy(padded)
      padded[HEAD_BYTES - 1] = 0x0a
      writeSync(this.fd, padded, 0, HEAD_BYTES, 0)
      closeSync(this.fd)
      this.fd = undefined
      renameSync(this.tmp, this.file)
    } catch {
      this.discard()
    }
  }

  /** Drops what was recorded (the answer was not printed whole). */
  discard (): void {
    if (this.fd !== undefined) {
      try { closeSync(this.fd) } catch {}
      this.fd = undefined
    }
    try { rmSync(this.tmp, { force: true }) } catch {} // not ours to remove (a directory in its place): left as it is
  }
}
