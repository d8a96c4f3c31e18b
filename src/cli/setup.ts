/**
 * Creating a workspace: the member's key pair (sync/identity) and the workspace documents (store), in an
 * empty home. Used by `pat init`, `pat demo` on a fresh home, and the first run of `pat` with no arguments.
 */
import { userInfo } from 'node:os'
import { InputError } from '../domain/index.js'
import { Workspace, homePaths, readConfig, refuseOrphanDatabase, type WorkspaceConfig } from '../store/index.js'
import { newId } from '../store/ids.js'
import { loadOrCreateIdentity, signerOf } from '../sync/index.js'

export async function initWorkspace (home: string, opts: { name: string, team?: string, defaulted?: boolean }): Promise<Workspace> {
  const name = opts.name.trim()
  if (!name) throw new InputError('your name is required: pat init --name "Your Name"')
  const paths = homePaths(home)
  const existing = await readConfig(paths.config)
  if (existing) throw new InputError(`a workspace already exists in ${home} (you are ${existing.member.name}): \`pat me set --name NAME\` renames you; use another --home to create a new one`)
  await refuseOrphanDatabase(paths) // before a key is made: nothing is created over an existing database
  // A key left by an interrupted init is reused rather than replaced.
  const identity = await loadOrCreateIdentity(paths.identityKey, paths.identityPub)
  const now = new Date().toISOString()
  const config: WorkspaceConfig = {
    version: 1,
    member: { id: identity.id, name },
    team: { id: newId(16), name: opts.team?.trim() || `${name}'s team` },
    createdAt: now,
    ...(opts.defaulted ? { defaulted: true as const } : {})
  }
  return Workspace.create(home, config, { id: identity.id, name, role: 'owner', publicKey: identity.publicKeyPem, addedAt: now, addedBy: identity.id }, signerOf(identity))
}

/** The name a default workspace gets for its member: the OS account name. */
export function defaultMemberName (): string {
  try { return process.env.PAT_NAME || userInfo().username || 'Me' } catch { return 'Me' }
}

/** The workspace a bare first start makes (`pat`, `pat demo`, the app): the OS user's, until they name it. */
export async function initDefaultWorkspace (home: string): Promise<void> {
  await (await initWorkspace(home, { name: defaultMemberName(), defaulted: true })).close()
}

/** `pat init --name NAME [--team TEAM]` on a default workspace (sync/naming.ts, shared with the app's welcome). */
export { nameDefaultWorkspace } from '../sync/naming.js'
