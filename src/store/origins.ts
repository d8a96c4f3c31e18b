/**
 * Transaction origins. Yjs tags every change with the origin its transaction was given; we use them to tell
 * a member's own edits (undoable) from activity-log appends (never undone), remote updates from peers
 * (persisted, never undone by us) and the replay of stored updates at load time (not stored again).
 */
export const LOCAL = { origin: 'local' } as const
export const LOG = { origin: 'log' } as const
export const REMOTE = { origin: 'remote' } as const
export const LOAD = { origin: 'load' } as const

/** Whether a transaction came from a peer: the REMOTE origin, or a sync session's own `{ origin: 'remote' }`. */
export function isRemote (origin: unknown): boolean {
  return (origin as { origin?: unknown } | null)?.origin === 'remote'
}
/** Conflict records written after a peer's update (store/conflicts.ts): sent on, never undone. */
export const CONFLICTS = { origin: 'conflicts' } as const
