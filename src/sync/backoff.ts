/**
 * How long a peer waits before dialling a lost peer again: doubling from `baseMs` with each failed
 * attempt, capped at `maxMs`, and jittered to between half and the whole of that, so that peers which
 * lost each other at the same moment do not retry in lockstep.
 */
export interface BackoffOptions { baseMs: number, maxMs: number }

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 60_000 }

export function backoffDelay (attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30))
  return Math.round(ceiling * (0.5 + random() / 2))
}
