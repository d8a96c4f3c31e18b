/**
 * What moving an account to another SOP stage leaves behind, as the question the app asks before it
 * moves (the same tasks `pat stage ACCOUNT set` warns about): undefined when nothing is left open. Leaving
 * Select before OI clearance, which `pat stage` refuses without --force, is asked as a forced move: a yes
 * is the app's --force and the activity log says so.
 */
import { FORCED_CLEARANCE, STAGE_LABELS, openTasksBefore, parseStage, stageMoveBlock, type AccountSnapshot, type Stage } from '../../domain/index.js'

export interface StageQuestion {
  to: Stage
  text: string
  /** Set when the move is one the SOP forbids: the activity log's words for the forced move. */
  forced?: string
}

/** The question for moving `account` (the store's `AccountRecord` is one) to the stage typed as `typed` (a stage name, label or number). */
export function stageQuestion (account: AccountSnapshot, typed: string): StageQuestion | undefined {
  let to: Stage
  try { to = parseStage(typed) } catch { return undefined } // the field's own check reports it
  if (to === account.stage) return undefined
  const open = openTasksBefore(account, to)
  if (!open.length) return undefined
  const tasks = open.map(t => t.label).join('; ')
  const blocked = stageMoveBlock(account, to) !== undefined
  const gate = blocked ? 'No OI clearance is recorded (select.clearance); the SOP says to wait for it, so a move is logged as forced. ' : ''
  return {
    to,
    text: `${gate}${account.name} leaves ${STAGE_LABELS[account.stage]} for ${STAGE_LABELS[to]} with ${open.length} task${open.length === 1 ? '' : 's'} still open: ${tasks}. Move it anyway?`,
    ...(blocked ? { forced: FORCED_CLEARANCE } : {})
  }
}
