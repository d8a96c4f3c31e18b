/**
 * The command table: every `pat` command group, registered in the order `pat --help` lists them. A group is
 * its own module, loaded with `await import()`: a command line loads only the group(s) its first word names
 * (`pat account list` compiles the account commands, not the sync, hub, import and export ones), and `pat
 * --help` or a word that names no command loads them all. `names` lists each group's top-level commands
 * (test/cli/command-groups.test.ts checks them against what the groups register).
 */
import type { Register } from '../program.js'

export interface CommandGroup { names: readonly string[], load: () => Promise<Register> }

export const COMMAND_GROUPS: readonly CommandGroup[] = [
  { names: ['init', 'demo'], load: async () => (await import('./workspace.js')).registerWorkspace },
  { names: ['status'], load: async () => (await import('./status.js')).registerStatus },
  { names: ['account'], load: async () => (await import('./account.js')).registerAccount },
  { names: ['checklist'], load: async () => (await import('./checklist.js')).registerChecklist },
  { names: ['plan'], load: async () => (await import('./plan.js')).registerPlan },
  { names: ['contact', 'location', 'related', 'cip', 'event', 'port'], load: async () => (await import('./entities.js')).registerEntities },
  // Also adds `account check` to the account group (registered before it).
  { names: ['due', 'account'], load: async () => (await import('./workflow.js')).registerWorkflow },
  { names: ['stage'], load: async () => (await import('./stage.js')).registerStage },
  { names: ['import'], load: async () => (await import('./import.js')).registerImport },
  { names: ['export'], load: async () => (await import('./export.js')).registerExport },
  { names: ['log'], load: async () => (await import('./log.js')).registerLog },
  { names: ['changes', 'conflicts', 'history'], load: async () => (await import('./changes.js')).registerChanges },
  { names: ['search', 'show'], load: async () => (await import('./kb.js')).registerKb },
  { names: ['backup', 'restore', 'doctor'], load: async () => (await import('./backup.js')).registerBackup },
  { names: ['me'], load: async () => (await import('./me.js')).registerMe },
  { names: ['team'], load: async () => (await import('./team.js')).registerTeam },
  { names: ['sync'], load: async () => (await import('./sync.js')).registerSync },
  { names: ['hub'], load: async () => (await import('./hub.js')).registerHub },
  { names: ['serve'], load: async () => (await import('./serve.js')).registerServe },
  { names: ['app'], load: async () => (await import('./app.js')).registerApp }
]

/**
 * The groups a command line needs: those naming its first word; with no word, the status group (`status` is
 * the default command, and `pat` alone opens the app through it) unless help is asked for; else all.
 */
export function groupsFor (word: string | undefined, argv: readonly string[]): readonly CommandGroup[] {
  if (word === undefined) return argv.includes('--help') || argv.includes('-h') ? COMMAND_GROUPS : COMMAND_GROUPS.filter(g => g.names.includes('status'))
  const named = COMMAND_GROUPS.filter(g => g.names.includes(word))
  return named.length ? named : COMMAND_GROUPS
}

/** The registrations of the groups a command line needs (program.ts PickGroups). */
export async function pickGroups (word: string | undefined, argv: readonly string[]): Promise<Register[]> {
  return Promise.all(groupsFor(word, argv).map(g => g.load()))
}
