/**
 * The command table: every `pat` command group, registered in the order `pat --help` lists them.
 */
import type { Command } from 'commander'
import type { CliContext } from '../context.js'
import { registerWorkspace } from './workspace.js'
import { registerAccount } from './account.js'
import { registerEntities } from './entities.js'
import { registerChecklist } from './checklist.js'
import { registerPlan } from './plan.js'
import { registerLog } from './log.js'
import { registerChanges } from './changes.js'
import { registerBackup } from './backup.js'
import { registerServe } from './serve.js'
import { registerKb } from './kb.js'
import { registerWorkflow } from './workflow.js'
import { registerStage } from './stage.js'
import { registerExport } from './export.js'
import { registerImport } from './import.js'
import { registerApp } from './app.js'
import { registerTeam } from './team.js'
import { registerMe } from './me.js'
import { registerSync } from './sync.js'
import { registerHub } from './hub.js'

export function registerCommands (program: Command, ctx: CliContext): void {
  registerWorkspace(program, ctx)
  registerAccount(program, ctx)
  registerChecklist(program, ctx)
  registerPlan(program, ctx)
  registerEntities(program, ctx)
  registerWorkflow(program, ctx)
  registerStage(program, ctx)
  registerImport(program, ctx)
  registerExport(program, ctx)
  registerLog(program, ctx)
  registerChanges(program, ctx)
  registerKb(program, ctx)
  registerBackup(program, ctx)
  registerMe(program, ctx)
  registerTeam(program, ctx)
  registerSync(program, ctx)
  registerHub(program, ctx)
  registerServe(program, ctx)
  registerApp(program, ctx)
}
