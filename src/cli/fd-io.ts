/**
 * An Io that writes straight to file descriptors 1 and 2, for `pat search` and `pat show` when their output
 * is not a terminal (a pipe, a file, /dev/null: a program reading `--json`). node's process.stdout loads its
 * stream modules on first use, ~4 ms of a cold `pat search` (docs/startup.md); a write here is one system
 * call. Everything still passes io.ts's printable guard. A terminal keeps processIo, which knows its width.
 */
import { fstatSync, writeSync } from 'node:fs'
import { processIo, sinkIo, type Io, type Sink } from './io.js'

/** /dev/null's device number on Linux (major 1, minor 3): a character device that is no terminal. */
const DEV_NULL = 0x103

/** Whether `fd` is surely no terminal: a pipe, a socket, a file or /dev/null (any other device may be one). */
export function surelyNoTerminal (fd: number): boolean {
  try {
    const s = fstatSync(fd)
    return s.isFIFO() || s.isSocket() || s.isFile() || (s.isCharacterDevice() && s.rdev === DEV_NULL)
  } catch { return false }
}

/** Sleeps `ms` without returning to the event loop: a full non-blocking pipe is written again after it. */
function pause (ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/**
 * A sink writing to `fd` whole, synchronously. A reader that stops early (`pat search … | head -1`) closes
 * the pipe: the process then ends quietly, as io.ts's guard does for process.stdout.
 */
export function fdSink (fd: number, exit: (code: number) => never = code => process.exit(code)): Sink {
  return {
    write (text: string) {
      const bytes = Buffer.from(text, 'utf8')
      for (let at = 0; at < bytes.length;) {
        try {
          at += writeSync(fd, bytes, at, bytes.length - at)
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code
          if (code === 'EPIPE') exit(0)
          if (code !== 'EAGAIN') throw err
          pause(1)
        }
      }
      return true
    }
  }
}

/** The Io for a run whose output is no terminal; processIo's otherwise. */
export function fdIoOrProcessIo (): { io: Io, direct: boolean } {
  if (!surelyNoTerminal(1)) return { io: processIo(), direct: false }
  // (as processIo for output that is no terminal: no colour, whole table values)
  return { direct: true, io: sinkIo(fdSink(1), fdSink(2), { columns: Number(process.env.COLUMNS) || 80, color: false, terminal: false }) }
}
