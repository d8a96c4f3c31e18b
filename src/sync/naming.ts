/**
 * Naming the default workspace (the one a bare first start makes under the OS user's name): a signed rename of
 * the member in the roster, and of the team too while it still has its default name "<OS user>'s team" — so
 * neither the welcome screen nor `pat init --name` leaves "root's team" behind. Then the workspace is marked
 * named (the welcome is not shown again).
 */
import type { Store } from '../store/index.js'
import { loadSigner } from './identity.js'

export async function nameDefaultWorkspace (store: Store, opts: { name: string, team?: string }) {
  const signer = await loadSigner(store.ws.paths.identityKey)
  const before = store.ws.member.name
  await store.roster.renameSelf(opts.name, signer)
  const team = opts.team ?? (store.roster.teamName() === `${before}'s team` ? `${store.ws.member.name}'s team` : undefined)
  if (team !== undefined) await store.roster.renameTeam(team, signer)
  await store.ws.markNamed()
  return { home: store.ws.paths.root, member: { ...store.ws.member }, team: { ...store.ws.config.team } }
}
