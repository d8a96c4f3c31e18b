// Opening real workspaces (in temporary homes) for store tests, and syncing two of them in memory.
import * as Y from 'yjs'
import { Store, type AccountRecord, type WorkspaceOptions } from '../../src/store/index.js'
import { REMOTE } from '../../src/store/origins.js'
import { initWorkspace } from '../../src/cli/setup.js'
import { tempDir } from './home.js'

/** `opts.now` fixes the clock edits are stamped with (a document that prints a stamp compares the same every day). */
export async function newStore (name = 'Dana Ruiz', opts: WorkspaceOptions = {}): Promise<Store> {
  const home = await tempDir()
  await (await initWorkspace(home, { name })).close()
  return Store.open(home, opts)
}

/** Closes `store` and opens its home again, as the next `pat` process would: what was stored, read back. */
export async function reopen (store: Store): Promise<Store> {
  const home = store.ws.paths.root
  await store.close()
  return Store.open(home)
}

/** Exchanges every document both ways (state vectors first, as the sync protocol does). */
export async function syncStores (a: Store, b: Store): Promise<void> {
  const names = new Set([...(await a.ws.docs.storedNames()), ...(await b.ws.docs.storedNames())])
  for (const name of names) {
    const da = await a.ws.docs.get(name)
    const db = await b.ws.docs.get(name)
    const toB = Y.encodeStateAsUpdate(da, Y.encodeStateVector(db))
    const toA = Y.encodeStateAsUpdate(db, Y.encodeStateVector(da))
    Y.applyUpdate(db, toB, REMOTE)
    Y.applyUpdate(da, toA, REMOTE)
  }
  await a.ws.flush()
  await b.ws.flush()
}

/**
 * A clock several stores share, one second later at every reading. Two members' concurrent edits made in
 * the same millisecond sort by author id (domain sortActivity), and members' ids are random: a test that
 * reads concurrent edits in the order they were made needs them stamped apart, as two people's are.
 */
export function teamClock (start = '2026-12-01T09:00:00Z'): () => Date {
  let t = Date.parse(start)
  return () => new Date(t += 1000)
}

/**
 * Ana and Bo, two fresh replicas (not one team) that both hold Shared Harbor Co (IR# 11-2223334), synced
 * once. `now`: the clock both stamp their edits with (teamClock), else the system's.
 */
export async function sharedAccount (opts: { now?: () => Date } = {}): Promise<{ ana: Store, bo: Store, account: AccountRecord }> {
  const ana = await newStore('Ana Lima', opts)
  const bo = await newStore('Bo Chen', opts)
  const account = await ana.accounts.add({ name: 'Shared Harbor Co', iors: ['11-2223334'] })
  await syncStores(ana, bo)
  return { ana, bo, account }
}
