/**
 * The workspace config, `workspace.json` in the home: who this member is and which team the workspace
 * belongs to. The shared data (roster, accounts) lives in the Yjs documents; this file is local.
 */
import { StoreError } from './errors.js'
import { readJsonFile, writeFileAtomic } from './files.js'

export interface WorkspaceConfig {
  version: 1
  member: { id: string, name: string }
  team: { id: string, name: string }
  createdAt: string
  lastBackup?: string
  /**
   * Made by a bare first start under the OS user's name, not yet named by the member: `pat init --name`
   * then names it instead of refusing. Dropped once the member chooses a name.
   */
  defaulted?: true
}

export function readConfig (path: string): Promise<WorkspaceConfig | undefined> {
  return readJsonFile(path, 'the workspace config', 'run `pat doctor`', value => {
    const cfg = value as WorkspaceConfig
    const version = (value as { version?: unknown })?.version
    if (typeof version === 'number' && version > 1) {
      throw new StoreError('newer', `the workspace config ${path} was made by a newer PAT Desk (format version ${version}); update pat to use this workspace`)
    }
    if (cfg?.version !== 1 || typeof cfg.member?.id !== 'string' || typeof cfg.team?.id !== 'string') throw new Error('missing fields')
    return cfg
  })
}

export async function writeConfig (path: string, cfg: WorkspaceConfig): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(cfg, null, 2) + '\n', 0o600)
}
