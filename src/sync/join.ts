/**
 * Joining a team with an invite code (`pat init --name NAME --join CODE`): make this member's key pair,
 * reach the inviter at one of the code's addresses (its certificate must prove the inviter's member id),
 * spend the invite (the handshake in invite.ts), then receive the whole workspace on the same connection
 * and only then write the workspace config. Until that last step there is no workspace in the home: a
 * wrong, expired or used code, an unreachable inviter or a broken connection removes what was started
 * (the key pair stays, so a retry is the same member).
 *
 * During the join the inviter is trusted for every document (this side has no roster yet to check
 * against); what arrived is then checked — the team id of the code, this member in the roster — before the
 * workspace is kept.
 */
import { InputError } from '../domain/index.js'
import { homePaths, readConfig, Store, Workspace, workspaceSyncTarget } from '../store/index.js'
import { urlOf } from './address.js'
import { loadOrCreateIdentity } from './identity.js'
import { decodeInvite, requestJoin, type InviteCode } from './invite.js'
import { PeerBook } from './peer/book.js'
import { SyncSession } from './session.js'
import { loadTls } from './tls.js'
import { connect, JOIN_PATH, type PeerConnection, type TlsIdentity } from './transport.js'

export interface Joined { home: string, member: { id: string, name: string }, team: { id: string, name: string }, role: string, inviter: string }

export async function joinTeam (home: string, opts: { name: string, code: string, timeoutMs?: number }): Promise<Joined> {
  const code = decodeInvite(opts.code)
  if (code.expiresAt < Date.now()) throw new InputError(`this invite code expired at ${new Date(code.expiresAt).toISOString()}: ask an owner for a new one`)
  const name = opts.name.trim()
  if (!name) throw new InputError('your name is required: pat init --name "Your Name" --join CODE')
  const paths = homePaths(home)
  if (await readConfig(paths.config)) throw new InputError(`a workspace already exists in ${home}; use another --home to join a team`)
  const identity = await loadOrCreateIdentity(paths.identityKey, paths.identityPub)
  const { tls } = await loadTls(paths)
  const timeoutMs = opts.timeoutMs ?? 60_000
  const ws = await Workspace.beginJoin(home, {
    version: 1, member: { id: identity.id, name }, team: { id: code.team, name: 'team' }, createdAt: new Date().toISOString()
  })
  try {
    const { conn, address } = await reachInviter(code, tls)
    const role = await requestJoin(conn, code, identity.id, name, timeoutMs)
    await receiveWorkspace(new Store(ws), conn, timeoutMs)
    await ws.completeJoin()
    const inviter = ws.members().find(m => m.id === code.inviter)
    const now = new Date().toISOString()
    await new PeerBook(paths.peers).update(code.inviter, { name: inviter?.name ?? code.inviter.slice(0, 8), address, lastSeen: now, lastSync: now })
    const joined = { home, member: { ...ws.member }, team: { ...ws.config.team }, role, inviter: inviter?.name ?? code.inviter }
    await ws.close()
    return joined
  } catch (err) {
    await ws.abandonJoin()
    throw err
  }
}

/** The first of the code's addresses that answers as the inviter. */
async function reachInviter (code: InviteCode, tls: TlsIdentity): Promise<{ conn: PeerConnection, address: string }> {
  const problems: string[] = []
  for (const address of code.addresses) {
    try {
      const conn = await connect({ url: urlOf(address) + JOIN_PATH, identity: tls, expectPeer: id => id === code.inviter, timeoutMs: 5000 })
      return { conn, address }
    } catch (err) {
      problems.push((err as Error).message.replace(/not the member it should be/, 'not the member who invited you'))
    }
  }
  throw new InputError(`cannot reach the member who invited you (${problems.join('; ')}): is their \`pat serve\` or app running?`)
}

/** Runs a sync session with the inviter until both sides are up to date. */
async function receiveWorkspace (store: Store, conn: PeerConnection, timeoutMs: number): Promise<void> {
  const session = new SyncSession(workspaceSyncTarget(store.ws, () => 'owner'), frame => conn.send(frame))
  let timer: NodeJS.Timeout | undefined
  const failed = new Promise<never>((_resolve, reject) => {
    conn.onFrame(frame => { session.receive(frame).catch((err: Error) => { conn.close(err.message); reject(new InputError(`the workspace did not arrive: ${err.message}`)) }) })
    conn.onClose(reason => reject(new InputError(`the inviter closed the connection before the workspace arrived${reason ? `: ${reason}` : ''}`)))
    timer = setTimeout(() => reject(new InputError(`the workspace did not arrive within ${Math.round(timeoutMs / 1000)} s: try again`)), timeoutMs)
  })
  try {
    await Promise.race([session.start().then(() => session.synced), failed])
  } finally {
    clearTimeout(timer)
    session.close()
    conn.close()
  }
  await store.ws.flush()
}
