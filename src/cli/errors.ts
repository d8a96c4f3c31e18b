/**
 * How a failure becomes one line on stderr and an exit code: 1 for bad input or a refused action, 2 for a
 * usage error, 3 for a workspace that cannot be used (locked, damaged, disk full). Anything unexpected is
 * printed as an internal error with the hint to report it, never as a stack trace in the user's face.
 */
import { InputError } from '../domain/errors.js'
import type { Io } from './io.js'

/** The longest error line printed (values inside are quoted shorter; this bounds anything that slipped by). */
const MAX_LINE = 400
/** One line, printable (the Io makes it so), at most MAX_LINE characters. */
const line = (text: string) => {
  const one = text.replace(/\s*\n\s*/g, ' ')
  return one.length > MAX_LINE ? one.slice(0, MAX_LINE - 1) + '…' : one
}

export const EXIT = { ok: 0, input: 1, usage: 2, store: 3, internal: 70 } as const

/** Thrown by a command when the work was handed to another process; carries that run's exit code. */
export class Forwarded extends Error {
  constructor (readonly code: number) { super('forwarded') }
}

export function reportError (io: Io, err: unknown): number {
  if (err instanceof Forwarded) return err.code
  if (err instanceof InputError) { io.err(line(`error: ${err.message}`)); return EXIT.input }
  const e = err as { name?: string, message?: string, kind?: string }
  if (e?.name === 'StoreError') { io.err(line(`error: ${e.message}`)); return EXIT.store }
  // A module loaded on demand that is not there: dist/ built but node_modules/ missing or stale (bin/pat.cjs
  // says the same when dist/ itself is missing).
  if ((err as { code?: string })?.code === 'ERR_MODULE_NOT_FOUND') { io.err('error: PAT Desk is not completely installed: run `npm ci` in its checkout, then try again'); return EXIT.store }
  io.err(line(`internal error: ${e?.message ?? String(err)}`) + ' (please report this with the command you ran)')
  if (process.env.PAT_DEBUG) io.err(String((err as Error)?.stack))
  return EXIT.internal
}
