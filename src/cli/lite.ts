/**
 * The entry of the everyday account commands — `account`, `due`, `checklist`, `plan`, `log`, `status` —
 * bundled on its own into one CommonJS file (dist/bundle/lite.cjs, scripts/bundle.js) holding just these
 * command groups, the store and the domain, which bin/pat.cjs runs with a V8 code cache: such a start reads
 * one file and deserializes its functions instead of loading some thirty chunks of the full bundle and
 * compiling them (docs/startup.md). bin/pat.cjs sends a command line here when its first word is one of
 * LITE_GROUPS; what this entry does not handle (`pat status` before any workspace exists, which creates
 * one) it declines with undefined, and bin/pat.cjs runs the full program.
 */
import { homePaths, resolveHome } from '../store/home.js'
import { readConfig } from '../store/config.js'
import { registerAccount } from './commands/account.js'
import { registerChecklist } from './commands/checklist.js'
import { registerLog } from './commands/log.js'
import { registerPlan } from './commands/plan.js'
import { registerStatus } from './commands/status.js'
import { registerWorkflow } from './commands/workflow.js'
import { processIo } from './io.js'
import { runProgram, type Register } from './program.js'
import { withoutHome } from './terminal.js'
import { commandWord } from './unknown-command.js'

/** The groups of each first word, as commands/index.ts COMMAND_GROUPS has them (test/cli/command-groups.test.ts). */
export const LITE_GROUPS: Readonly<Record<string, readonly Register[]>> = {
  account: [registerAccount, registerWorkflow],
  due: [registerWorkflow],
  checklist: [registerChecklist],
  plan: [registerPlan],
  log: [registerLog],
  status: [registerStatus]
}

/** Runs the command line, or returns undefined when the full program must (see above). */
export async function main (argv: string[]): Promise<number | undefined> {
  const word = commandWord(argv)
  const groups = word === undefined ? undefined : LITE_GROUPS[word]
  if (!groups) return undefined
  if (word === 'status' && !(await readConfig(homePaths(resolveHome(withoutHome(argv).home)).config))) return undefined
  return runProgram(argv, processIo(), async () => [...groups])
}
