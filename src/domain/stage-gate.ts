/**
 * The one stage move the SOP forbids: leaving Select before OI clearance (SOP, Select, step 5: "After you
 * have selected an account for your port, you must notify the NASC and wait for OI clearance before
 * beginning your work"). Moving on from Select while the task `select.clearance` is open is refused unless
 * forced (and then logged as forced); every other open task only warns (lifecycle.ts, openTasksBefore).
 */
import { STAGES, STAGE_LABELS, type Stage } from './account.js'
import type { IsoDate } from './dates.js'
import { resolveTask, taskProgress, type AccountSnapshot, type TaskProgress } from './lifecycle.js'

export const CLEARANCE_TASK = 'select.clearance'

/** The task that forbids moving `a` to `to`, or undefined when the move is allowed. */
export function stageMoveBlock (a: AccountSnapshot, to: Stage, today?: IsoDate): TaskProgress | undefined {
  if (a.stage !== 'select' || STAGES.indexOf(to) <= STAGES.indexOf('select')) return undefined
  const clearance = taskProgress(resolveTask(CLEARANCE_TASK), a, today)
  return clearance.status === 'open' ? clearance : undefined
}

/** The refusal, one line: what is missing, how to record it, how to move anyway (`force`: the option's words). */
export function stageBlockMessage (a: Pick<AccountSnapshot, 'id' | 'name'>, to: Stage, force: string): string {
  return `${a.name} cannot leave Select for ${STAGE_LABELS[to]} before OI clearance (task ${CLEARANCE_TASK} is open; the SOP says to wait for it ` +
    `before beginning work): record it with \`pat stage ${a.id} done ${CLEARANCE_TASK}\` once the NASC reports OI's decision, or ${force}`
}

/** The activity-log words of a forced move. */
export const FORCED_CLEARANCE = 'left Select before OI clearance was recorded'
