// @ts-check
/**
 * The hub's copy of every room on disk: one LevelDB (the `level` package; classic-level ships prebuilt
 * binaries) in the data directory, one key per room name, its value the room's whole Yjs state
 * (Y.encodeStateAsUpdate, written by @hocuspocus/extension-database after changes, debounced, and when a room
 * is unloaded). LevelDB allows one process per directory: each hub instance has its own data directory.
 *
 * The extension runs before every other `onStoreDocument` hook (priority above the Redis extension's 1000):
 * the Redis extension takes a lock there, meant for instances sharing one database, and an instance that
 * misses it skips the hooks after it. Instances here each store into their own LevelDB, so each must store
 * every time.
 */
import { Database } from '@hocuspocus/extension-database'
import { Level } from 'level'
import { HubError } from './errors.js'

/** @param {string} dir */
export async function openPersistence (dir) {
  /** @type {Level<string, Uint8Array>} */
  const db = new Level(dir, { valueEncoding: 'view' })
  try {
    await db.open()
  } catch (err) {
    const cause = /** @type {{ cause?: { code?: string } }} */ (err).cause
    throw new HubError(cause?.code === 'LEVEL_LOCKED'
      ? `the data directory ${dir} is in use by another hub: give each instance its own (--data)`
      : `cannot open the data directory ${dir}: ${/** @type {Error} */ (err).message}`)
  }
  /** @param {string} room @returns {Promise<Uint8Array | null>} */
  const get = room => db.get(room).catch(err => {
    if (err.code === 'LEVEL_NOT_FOUND') return null
    throw err
  })
  const extension = new Database({
    fetch: ({ documentName }) => get(documentName),
    store: async ({ documentName, state }) => { await db.put(documentName, state) }
  })
  return {
    extension: Object.assign(extension, { priority: 1100 }),
    /** @param {string} room */
    has: async room => (await get(room)) !== null,
    close: () => db.close()
  }
}
