// Teams of real workspaces for sync tests: an owner's store, and members who hold the same workspace with a
// role in its roster (added by the owner, then copied over as a join would), plus an in-memory link between
// two stores whose sessions apply each side's roster rules (store/sync-target.ts).
import { afterEach } from 'vitest'
import { Store, Workspace, workspaceSyncTarget, type Role } from '../../src/store/index.js'
import { homePaths } from '../../src/store/home.js'
import { createIdentity, loadSigner } from '../../src/sync/identity.js'
import { SyncSession } from '../../src/sync/session.js'
import { tempDir } from './home.js'
import { syncStores } from './store.js'

/** What signs `store`'s member's roster changes (its key in its home). */
export const signer = (store: Store) => loadSigner(store.ws.paths.identityKey)

/** A new member of `owner`'s team, with `role`, holding a copy of the workspace. */
export async function joinedStore (owner: Store, name: string, role: Role): Promise<Store> {
  const home = await tempDir()
  const paths = homePaths(home)
  const identity = await createIdentity(paths.identityKey, paths.identityPub)
  const ws = await Workspace.beginJoin(home, { version: 1, member: { id: identity.id, name }, team: { ...owner.ws.config.team }, createdAt: new Date().toISOString() })
  await owner.roster.add({ id: identity.id, name, role, publicKey: identity.publicKeyPem }, await signer(owner))
  const store = new Store(ws)
  await syncStores(owner, store)
  await ws.completeJoin()
  return store
}

/** Two sessions between stores, each judging the other by its own roster; frames delivered asynchronously. */
export function rosterLink (a: Store, b: Store) {
  const errors: { at: 'a' | 'b', message: string }[] = []
  let open = true
  const deliver = (to: () => SyncSession, at: 'a' | 'b') => (frame: Uint8Array) => {
    queueMicrotask(() => {
      if (!open) return
      to().receive(frame).catch((e: Error) => { errors.push({ at, message: e.message }); close() })
    })
  }
  const close = () => { open = false; sa.close(); sb.close() }
  const sa: SyncSession = new SyncSession(workspaceSyncTarget(a.ws, () => a.roster.role(b.ws.member.id)), deliver(() => sb, 'b'))
  const sb: SyncSession = new SyncSession(workspaceSyncTarget(b.ws, () => b.roster.role(a.ws.member.id)), deliver(() => sa, 'a'))
  return {
    errors,
    close,
    /** Starts both; resolves when both are up to date, or when a session ended with an error. */
    run: async (ms = 5000) => {
      await Promise.all([sa.start(), sb.start()])
      const deadline = Date.now() + ms
      let synced = false
      void Promise.all([sa.synced, sb.synced]).then(() => { synced = true })
      while (!synced && errors.length === 0) { // eslint-disable-line no-unmodified-loop-condition -- set by the promise above
        if (Date.now() > deadline) throw new Error('the link neither synced nor failed in time')
        await new Promise(resolve => setTimeout(resolve, 5))
      }
      await a.ws.flush(); await b.ws.flush()
      return synced
    }
  }
}

/** A function that keeps the stores it is given, to close them after each test of the file. */
export function keepStores (): (store: Store) => Store {
  const opened: Store[] = []
  afterEach(async () => { for (const s of opened.splice(0)) await s.close() })
  return store => { opened.push(store); return store }
}
