/**
 * What `u` and `U` say, as pure functions: which edit they act on, and why they refuse. On an account's
 * screen only that account's edits are undone (the last edit may be on another account, made minutes
 * ago: undoing it from here would change something the user is not looking at); on the accounts list
 * and the Due screen, whatever was last.
 */
export interface UndoTarget { summary: string, accountId: string }

export type UndoPlan = { act: true } | { act: false, message: string }

/** Whether undo (or redo) may act on `next` from a screen scoped to `scope` (an account id, or the whole workspace). */
export function undoPlan (verb: 'undo' | 'redo', next: UndoTarget | undefined, scope: string | undefined, accountName: (id: string) => string): UndoPlan {
  if (!next) {
    return {
      act: false,
      message: verb === 'undo' ? 'nothing to undo: only your own edits of this session can be undone' : 'nothing to redo: U redoes what u undid, until your next edit'
    }
  }
  if (scope !== undefined && next.accountId !== scope) {
    return { act: false, message: `the last edit to ${verb} is on ${accountName(next.accountId)} (${next.summary}): open that account, or ${verb} from the accounts list` }
  }
  return { act: true }
}

/** The message after an undo or a redo: what it was, and the key that takes it back. */
export function undoneMessage (verb: 'undo' | 'redo', done: UndoTarget, accountName: string): string {
  return verb === 'undo' ? `undid: ${done.summary} (${accountName}) · U redoes it` : `redid: ${done.summary} (${accountName}) · u undoes it`
}
