/**
 * Problems with the workspace on disk, each with a one-line message that says what to do. `kind` lets the
 * CLI choose a way out (route through the running process when locked, suggest `pat doctor` when damaged).
 */
export type StoreErrorKind = 'not-initialised' | 'locked' | 'damaged' | 'disk-full' | 'read-only' | 'newer' | 'io' | 'exists'

export class StoreError extends Error {
  override readonly name = 'StoreError'
  constructor (readonly kind: StoreErrorKind, message: string, override readonly cause?: unknown) {
    super(message)
  }
}

/** Maps a LevelDB / file-system error to a StoreError with a message a person can act on. */
export function classifyIoError (err: unknown, dbPath: string): StoreError {
  const e = err as { code?: string, cause?: { code?: string, message?: string }, message?: string }
  const code = e?.cause?.code ?? e?.code
  const detail = e?.cause?.message ?? e?.message ?? String(err)
  // Order matters: LevelDB words its errors loosely ("Corruption: bad block type" in a table, "IO error:
  // …/LOCK: Read-only file system"), and only a held lock may be called one — a damaged database reported
  // as "in use by another process" sends the user waiting for a process that does not exist.
  if (code === 'LEVEL_CORRUPTION' || /corrupt|bad block|checksum mismatch|truncated/i.test(detail)) {
    return new StoreError('damaged', `the workspace database ${dbPath} is damaged (${oneLine(detail)}); run \`pat doctor\` to recover it`, err)
  }
  if (code === 'EROFS' || /read-only file system/i.test(detail)) {
    return new StoreError('read-only', `the workspace database ${dbPath} is on a read-only file system: PAT Desk needs to write there; mount it writable or use another --home`, err)
  }
  if (code === 'EACCES' || code === 'EPERM' || /permission denied/i.test(detail)) {
    return new StoreError('read-only', `no permission to write the workspace database ${dbPath}: PAT Desk needs to write there; fix its permissions or use another --home`, err)
  }
  if (code === 'ENOSPC' || /no space left/i.test(detail)) {
    return new StoreError('disk-full', 'the disk is full: the change was not saved; free some space and try again', err)
  }
  if (code === 'LEVEL_LOCKED' || /\block\b|resource temporarily unavailable/i.test(detail)) {
    return new StoreError('locked', `the workspace database ${dbPath} is in use by another process`, err)
  }
  return new StoreError('io', `cannot use the workspace database ${dbPath}: ${oneLine(detail)}; run \`pat doctor\` if this persists`, err)
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 200)
