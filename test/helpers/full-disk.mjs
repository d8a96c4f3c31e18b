// Runs inside a private mount namespace with a small tmpfs mounted at DIR (test/faults/full-disk.test.ts):
// makes a workspace there, fills the file system to the last byte, and prints as JSON what editing does
// then — the error an edit gets, what is on disk after a crash at that moment, and whether a running store
// writes again once space is freed.
import { closeSync, openSync, writeSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { initWorkspace } from '../../dist/cli/setup.js'
import { Store } from '../../dist/store/index.js'

const dir = process.argv[2]
const home = join(dir, 'home')
const filler = join(dir, 'filler')

/** Writes to `filler` until the file system refuses even a single byte. */
function fill () {
  const fd = openSync(filler, 'a')
  try {
    for (let size = 1 << 16; size >= 1;) {
      try { writeSync(fd, Buffer.alloc(size, 0x2e)) } catch (err) {
        if (err.code !== 'ENOSPC') throw err
        size >>= 1
      }
    }
  } finally {
    closeSync(fd)
  }
}

const failure = err => ({ kind: err.kind, message: err.message })
/** The account's plan items, and the plan items its activity log records as added. */
const titles = async (store, id) => ({
  items: (await store.plan.items.list(id)).map(i => i.title).sort(),
  logged: (await store.ws.log(id)).filter(e => e.action === 'items.add').map(e => /"(.*)"/.exec(e.summary)[1]).sort()
})

await (await initWorkspace(home, { name: 'Dana Ruiz' })).close()
let store = await Store.open(home)
const acc = await store.accounts.add({ name: 'Harbor Imports', leadPort: 'Miami' })
fill()
// The log file's last page may still take an edit or two; the first refused one is what we look at.
const saved = []
let refused
for (let n = 0; n < 500 && !refused; n++) {
  try {
    await store.plan.items.add(acc.id, { title: `Item ${n}`, priority: 'low' })
    saved.push(`Item ${n}`)
  } catch (err) { refused = failure(err) }
}
await store.ws.database.db.close() // a crash here: nothing more is written
await rm(filler)
store = await Store.open(home)
const afterCrash = await titles(store, acc.id)

// A running store: refused while the disk is full, writing again once space is freed.
fill()
const whileFull = await store.plan.items.add(acc.id, { title: 'While full', priority: 'low' }).then(() => undefined, failure)
await rm(filler)
await store.plan.items.add(acc.id, { title: 'After freeing', priority: 'low' })
await store.close()
store = await Store.open(home)
const afterFreeing = await titles(store, acc.id)
await store.close()
process.stdout.write(JSON.stringify({ saved, refused, afterCrash, whileFull, afterFreeing }) + '\n')
