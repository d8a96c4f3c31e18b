/**
 * Creating a workspace: the member's key pair (sync/identity) and the workspace documents (store), in an
 * empty home. Used by `pat init`, `pat demo` on a fresh home, and the first run of `pat` with no arguments.
 */
import { userInfo } from 'node:os'
import { InputError } from '../domain/index.js'
import { Workspace, homePaths, readConfig, refuseOrphanDatabase, type WorkspaceConfig } from '../store/index.js'
import { newId } from '../store/ids.js'
import { loadOrCreateIdentity, signerOf } from '../sync/index.js'

export async function initWorkspace (home: string, opts: { name: string, team?: string }): Promise<Workspace> {
  const name = opts.name.trim()
  if (!name) throw new InputError('your name is required: pat init --name "Your Name"')
  const paths = homePaths(home)
  if (await readConfig(paths.config)) throw new InputError(`a workspace already exists in ${home}; use another --home to create a new one`)
  await refuseOrphanDatabase(paths) // before a key is made: nothing is created over an existing database
  // A key left by an interrupted init is reused rather than replaced.
  const identity = await loadOrCreateIdentity(paths.identityKey, paths.identityPub)
  const now = new Date().toISOString()
  const config: WorkspaceConfig = {
    version: 1,
    member: { id: identity.id, name },
    team: { id: newId(16), name: opts.team?.trim() || `${name}'s team` },
    createdAt: now
  }
  return Workspace.create(home, config, { id: identity.id, name, role: 'owner', publicKey: identity.publicKeyPem, addedAt: now, addedBy: identity.id }, signerOf(identity))
}

/** The name a default workspace gets for its member: the OS account name. */
export function defaultMemberName (): string {
  try { return process.env.PAT_NAME || userInfo().username || 'Me' } catch { return 'Me' }
}
