/**
 * Problems with the workspace on disk, each with a one-line message that says what to do. `kind` lets the
 * CLI choose a way out (route through the running process when locked, suggest `pat doctor` when damaged).
 */
export type StoreErrorKind = 'not-initialised' | 'locked' | 'damaged' | 'disk-full' | 'io' | 'exists'

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
  if (code === 'LEVEL_LOCKED' || /lock/i.test(detail)) {
    return new StoreError('locked', `the workspace database ${dbPath} is in use by another process`, err)
  }
  if (code === 'ENOSPC' || /no space left/i.test(detail)) {
    return new StoreError('disk-full', 'the disk is full: the change was not saved; free some space and try again', err)
  }
  if (code === 'LEVEL_CORRUPTION' || /corrupt/i.test(detail)) {
    return new StoreError('damaged', `the workspace database ${dbPath} is damaged (${oneLine(detail)}); run \`pat doctor\` to recover it`, err)
  }
  return new StoreError('io', `cannot use the workspace database ${dbPath}: ${oneLine(detail)}; run \`pat doctor\` if this persists`, err)
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 200)
