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

/** @param {string} dir @param {string} busy what to say when another process has it open */
async function openLevel (dir, busy) {
  /** @type {Level<string, Uint8Array>} */
  const db = new Level(dir, { valueEncoding: 'view' })
  try {
    await db.open()
  } catch (err) {
    const cause = /** @type {{ cause?: { code?: string } }} */ (err).cause
    throw new HubError(cause?.code === 'LEVEL_LOCKED'
      ? `the data directory ${dir} is in use by ${busy}`
      : `cannot open the data directory ${dir}: ${/** @type {Error} */ (err).message}`)
  }
  return db
}

/** @param {string} dir */
export async function openPersistence (dir) {
  const db = await openLevel(dir, 'another hub: give each instance its own (--data)')
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

/**
 * Empties one room on disk (`room reset`, run while the hub is stopped: LevelDB is one process per directory).
 * Yjs never forgets what it was given, so a room holding a change the members refuse (a token holder wrote
 * the team's name, say) keeps sending it; members set it aside and go on, and an owner can have the room
 * emptied: the next member to sync fills it again from their copy, without the refused change.
 * @param {string} dir @param {string} room @returns {Promise<boolean>} whether the room was stored
 */
export async function resetRoom (dir, room) {
  const db = await openLevel(dir, 'a running hub: stop it first, then reset the room')
  try {
    const had = await db.get(room).then(() => true, () => false)
    if (had) await db.del(room)
    return had
  } finally {
    await db.close()
  }
}
