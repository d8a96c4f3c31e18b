/**
 * The workspace config, `workspace.json` in the home: who this member is and which team the workspace
 * belongs to. The shared data (roster, accounts) lives in the Yjs documents; this file is local.
 */
import { readFile } from 'node:fs/promises'
import { writeFileAtomic } from './files.js'
import { StoreError } from './errors.js'

export interface WorkspaceConfig {
  version: 1
  member: { id: string, name: string }
  team: { id: string, name: string }
  createdAt: string
  lastBackup?: string
}

export async function readConfig (path: string): Promise<WorkspaceConfig | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new StoreError('io', `cannot read ${path}: ${(err as Error).message}`, err)
  }
  try {
    const cfg = JSON.parse(text) as WorkspaceConfig
    if (cfg.version !== 1 || typeof cfg.member?.id !== 'string' || typeof cfg.team?.id !== 'string') throw new Error('missing fields')
    return cfg
  } catch (err) {
    throw new StoreError('damaged', `the workspace config ${path} is unreadable (${(err as Error).message}); run \`pat doctor\``, err)
  }
}

export async function writeConfig (path: string, cfg: WorkspaceConfig): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(cfg, null, 2) + '\n', 0o600)
}
