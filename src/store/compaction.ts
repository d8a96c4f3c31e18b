/**
 * When a document's stored updates are merged into one. Every edit appends a small update to the document's
 * log in the database (store/database.ts); y-leveldb would merge them only when a document is *loaded* with
 * more than 500, so a long-running process (the app, `pat serve`) would grow its log without end. We keep,
 * per open document, how much has been stored since its last merged state (the base), and merge once that is
 * as large as the base itself (at least MIN_LOG_BYTES), or after MAX_LOG_UPDATES updates. The stored size of
 * a document then stays within about twice its merged state, and the work of merging is paid for in
 * proportion to what was written.
 *
 * Merging waits for a moment when no write is queued (writes come first), but not for ever: under sustained
 * writes — a peer catching up, a busy `pat serve` — the queue may never be idle, so a document whose log has
 * grown half as large again as the threshold (`overdue`) is merged between two batches of writes. The
 * stored size then stays within about two and a half times the merged state, loaded or not.
 *
 * Merging writes Y.encodeStateAsUpdate of the open document — everything stored, plus anything still on its
 * way to disk, with deleted content garbage-collected — and deletes the old updates in the same atomic batch
 * (Database.replaceUpdates). A kill at any moment leaves either the old updates or the merged state. The
 * document itself is unchanged, so its history of values, the activity log and the summaries are intact.
 */
export const MIN_LOG_BYTES = 16 * 1024
export const MAX_LOG_UPDATES = 500

/** What is stored of one document: its base (the first stored update) and the updates after it. */
export interface LogStats { baseBytes: number, updates: number, bytes: number }

/** Stats of a document as loaded: the first stored update is the base, the rest its log. */
export function loadedStats (updates: readonly Uint8Array[]): LogStats {
  return {
    baseBytes: updates[0]?.length ?? 0,
    updates: Math.max(0, updates.length - 1),
    bytes: updates.slice(1).reduce((n, u) => n + u.length, 0)
  }
}

export function afterStore (stats: LogStats, bytes: number): LogStats {
  return stats.updates === 0 && stats.baseBytes === 0
    ? { baseBytes: bytes, updates: 0, bytes: 0 } // a new document's first update is its base
    : { ...stats, updates: stats.updates + 1, bytes: stats.bytes + bytes }
}

export const afterCompaction = (stateBytes: number): LogStats => ({ baseBytes: stateBytes, updates: 0, bytes: 0 })

export function needsCompaction (s: LogStats): boolean {
  return s.updates >= MAX_LOG_UPDATES || (s.updates > 1 && s.bytes >= Math.max(MIN_LOG_BYTES, s.baseBytes))
}

/**
 * Past the threshold by half as much again: merged between batches even while writes keep coming (the queue
 * is never idle under sustained load, and waiting for it let the stored size grow past 3× its merged state).
 */
export function overdue (s: LogStats): boolean {
  return s.updates >= MAX_LOG_UPDATES * 1.5 || (s.updates > 1 && s.bytes >= 1.5 * Math.max(MIN_LOG_BYTES, s.baseBytes))
}
