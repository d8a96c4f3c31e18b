/**
 * `--limit N` as the list commands take it: a whole number written as digits, from 1. `1e20`, `0` or `-1`
 * are refused in one line rather than read as "everything" or "nothing" (issue 15, numbers).
 */
import { InputError } from '../domain/errors.js'

export function parseLimit (raw: string): number {
  const n = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN
  if (!Number.isSafeInteger(n) || n < 1) throw new InputError(`invalid --limit "${raw}": use a whole number from 1`)
  return n
}
