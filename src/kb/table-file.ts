/**
 * Binary tables read a few bytes at a time, never whole (word-vectors.ts, passage-vectors.ts): positional
 * reads of an open file, and opening one whose first eight bytes name its format.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

/** `n` bytes of the file at `at`; undefined when the file is shorter. */
export function readAt (fd: number, at: number, n: number): Buffer | undefined {
  const buf = Buffer.allocUnsafe(n)
  let got = 0
  for (let r; got < n && (r = readSync(fd, buf, got, n - got, at + got)) > 0;) got += r
  return got === n ? buf : undefined
}

export interface OpenTable { fd: number, size: number, head: Buffer }

/**
 * The file at `path` opened for reading, with its size and first `headSize` bytes, when it starts with the
 * 8-character `magic`; undefined (and closed) when it is missing, shorter, or another kind of file.
 */
export function openTable (path: string, magic: string, headSize: number): OpenTable | undefined {
  let fd: number
  try { fd = openSync(path, 'r') } catch { return undefined }
  try {
    const head = readAt(fd, 0, headSize)
    if (head?.toString('latin1', 0, 8) === magic) return { fd, size: fstatSync(fd).size, head }
  } catch { /* unreadable: not a table */ }
  closeSync(fd)
  return undefined
}
