/**
 * Where a command's output goes. In a normal run that is stdout/stderr; when a command is forwarded to the
 * process that holds the workspace, the server collects it and streams it back to the caller.
 *
 * This is the CLI's chokepoint for terminal safety: everything written through an Io is made printable
 * (domain/printable.ts), so no command can send a teammate's escape sequences to the terminal raw. Output
 * a command styled itself (after making its data printable) passes STYLED, which keeps only colour codes.
 */
import { printable } from '../domain/printable.js'

export interface WriteOptions {
  /** The text carries this program's own colour codes (SGR), which are kept; any other control is shown. */
  styled?: boolean
  /**
   * The text is `jsonText`'s: every character a terminal could act on is already a JSON escape, so scanning
   * it again finds nothing (test/cli/io.test.ts holds that) — at 10,000 accounts `pat due --json` is 30 MB.
   */
  json?: boolean
}

export const STYLED: WriteOptions = { styled: true }

export interface Io {
  out (text: string, opts?: WriteOptions): void
  /**
   * The same as `out` of the parts joined, written as they come (where the output is this process's own): a
   * large JSON answer is then never one string (`printJson`).
   */
  outParts? (parts: Iterable<string>, opts?: WriteOptions): void
  /**
   * Writes bytes as they are: a kept JSON answer (store/output-cache.ts), text this program printed before
   * through `out`. Resolves once `chunk` may be written over: a pipe queues what its reader has not taken yet.
   */
  outBytes? (chunk: Uint8Array): Promise<void> | undefined
  err (text: string): void
  /** Terminal width for wrapping, and whether colour is wanted (NO_COLOR, not a TTY). */
  columns: number
  color: boolean
  /** Whether the output is a terminal: tables are cut to `columns` only then, a pipe gets whole values. */
  terminal?: boolean
  /** The caller's working directory, for relative paths in arguments. */
  cwd: string
}

/** Text as it may reach a terminal (the final newline apart). */
function printableText (text: string, opts: WriteOptions): string {
  return opts.json ? text : printable(text, { keepStyle: Boolean(opts.styled) })
}

/**
 * Writes large text in slices of this many UTF-16 units. Written whole, a string is encoded into one fresh
 * buffer of its size: for `pat due --json` at 10,000 accounts (30 MB) ~200 ms, mostly page faults on this
 * project's machine; in 256 KB slices the memory is reused, ~90 ms (docs/startup.md, seventh round).
 */
const SLICE = 256 * 1024

/** Where text is written: a node stream (process.stdout) or a file descriptor (fd-io.ts). */
export interface Sink { write: (text: string) => unknown }

/** Writes `text` to `stream` in slices, never between the two halves of a surrogate pair. */
export function writeSliced (stream: Sink, text: string): void {
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + SLICE, text.length)
    const last = text.charCodeAt(end - 1)
    if (last >= 0xd800 && last <= 0xdbff && end < text.length) end++ // keep a pair together
    stream.write(start === 0 && end === text.length ? text : text.slice(start, end))
    start = end
  }
}

/**
 * Writes text as it may reach a terminal: printable, and ending in a newline — written apart, as appending it
 * would copy a large text first. Parts are made printable one by one, so a part must not end inside an escape
 * sequence the next one finishes; printJson's parts are jsonText's, which the guard leaves as they are.
 */
export function writeTerminalParts (stream: Sink, parts: Iterable<string>, opts: WriteOptions = {}): void {
  let last = ''
  for (const part of parts) {
    const safe = printableText(part, opts)
    writeSliced(stream, safe)
    if (safe !== '') last = safe
  }
  if (!last.endsWith('\n')) stream.write('\n')
}

export function writeTerminal (stream: Sink, text: string, opts: WriteOptions = {}): void {
  writeTerminalParts(stream, [text], opts)
}

/**
 * A reader that stops early (`pat account list --json | head -1`) closes the pipe: the next write fails with
 * EPIPE, which unhandled is a stack trace. The reader has what it wanted and the command wrote nothing to the
 * workspace by printing, so the process ends quietly, as Unix tools do. Other stream errors still surface.
 */
let pipeGuarded = false
function endQuietlyOnClosedPipe (): void {
  if (pipeGuarded) return
  pipeGuarded = true
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0)
      throw err
    })
  }
}

/** An Io writing its output to `out` and its errors to `err`, for a screen (or none) as `screen` says. */
export function sinkIo (out: Sink, err: Sink, screen: Pick<Io, 'columns' | 'color' | 'terminal'>): Io {
  return {
    out: (t, opts) => writeTerminal(out, t, opts),
    outParts: (parts, opts) => writeTerminalParts(out, parts, opts),
    err: t => writeTerminal(err, t),
    ...screen,
    cwd: process.cwd()
  }
}

export function processIo (): Io {
  endQuietlyOnClosedPipe()
  return {
    ...sinkIo(process.stdout, process.stderr, {
      columns: process.stdout.columns || Number(process.env.COLUMNS) || 80,
      color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env),
      terminal: Boolean(process.stdout.isTTY)
    }),
    // Resolved by the write's callback, once the chunk is handed to the system (a stream that fails is the pipe guard's).
    outBytes: chunk => new Promise(resolve => { process.stdout.write(chunk, () => resolve()) })
  }
}

/** The width tables are cut to: the terminal's, or none when the output goes to a pipe or a file. */
export function tableWidth (io: Io): number {
  return io.terminal ? io.columns : Number.POSITIVE_INFINITY
}

/**
 * What JSON.stringify leaves raw but a terminal must not get: DEL, C1 controls, bidi embeddings/overrides/
 * isolates and the line/paragraph separators (it escapes C0 itself). Escaped as JSON escapes (\u202e), the
 * output stays exact for a program reading it and has nothing left for the Io's guard to replace.
 */
const JSON_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g

export function jsonText (value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, escapeUnsafe)
}

const escapeUnsafe = (c: string) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')

/** How many elements of a long array `jsonParts` stringifies at a time. */
const PART_ELEMENTS = 100

/**
 * `jsonText(value)` in parts that join to exactly it: a long array a hundred elements at a time (each element
 * is indented alike whether it stands in the whole array or in a slice of it), anything else whole. Made and
 * written part by part, a large answer reuses the same memory instead of faulting in a fresh string and
 * buffer of its whole size: `pat due --json` at 10,000 accounts (30 MB) ~390 → ~300 ms, `pat account list
 * --json` (4.4 MB) ~73 → ~55 ms to stringify and write, measured in process to a file.
 */
export function * jsonParts (value: unknown): Generator<string> {
  if (!Array.isArray(value) || value.length <= PART_ELEMENTS) { yield jsonText(value); return }
  yield '[\n'
  for (let i = 0; i < value.length; i += PART_ELEMENTS) {
    const slice = jsonText(value.slice(i, i + PART_ELEMENTS))
    yield (i ? ',\n' : '') + slice.slice(2, -2)
  }
  yield '\n]'
}

export function printJson (io: Io, value: unknown): void {
  outAll(io, jsonParts(value), JSON_TEXT)
}

/** Writes the parts through `io.outParts` where the output has it, else joined through `io.out`. */
export function outAll (io: Io, parts: Iterable<string>, opts: WriteOptions): void {
  if (io.outParts) io.outParts(parts, opts)
  else io.out([...parts].join(''), opts)
}

const JSON_TEXT: WriteOptions = { json: true }
