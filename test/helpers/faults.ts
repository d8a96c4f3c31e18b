// Write failures injected into a workspace's LevelDB (where no small file system can be mounted to fill up):
// every write the store makes — batches and single puts — fails with `error` until the returned function
// is called.
import type { Store } from '../../src/store/index.js'

export const diskFull = () => Object.assign(new Error('IO error: No space left on device'), { code: 'ENOSPC' })

export function failWrites (store: Store, error: () => Error = diskFull): () => void {
  const db = store.ws.database.db as unknown as Record<'put' | 'batch', (...a: unknown[]) => Promise<void>>
  const saved = { put: db.put, batch: db.batch }
  db.put = db.batch = async () => { throw error() }
  return () => { db.put = saved.put; db.batch = saved.batch }
}
