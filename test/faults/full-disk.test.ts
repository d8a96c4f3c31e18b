import { spawn, spawnSync } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Store } from '../../src/store/index.js'
import { failWrites } from '../helpers/faults.js'
import { tempDir } from '../helpers/home.js'
import { newStore } from '../helpers/store.js'

const CHILD = fileURLToPath(new URL('../helpers/full-disk.mjs', import.meta.url))
const MESSAGE = 'the disk is full: the change was not saved; free some space and try again'

interface Outcome {
  saved: string[]
  refused: { kind: string, message: string }
  afterCrash: { items: string[], logged: string[] }
  whileFull: { kind: string, message: string }
  afterFreeing: { items: string[], logged: string[] }
}

/** A tmpfs of a few MB in a private mount namespace (unshare -rm: no root needed, gone when the child exits). */
async function onTinyFileSystem (): Promise<Outcome | undefined> {
  const mountPoint = join(await tempDir(), 'small-fs')
  await mkdir(mountPoint)
  const sh = (cmd: string) => ['--user', '--map-root-user', '--mount', 'sh', '-c', `mount -t tmpfs -o size=4m tmpfs '${mountPoint}' && ${cmd}`]
  if (spawnSync('unshare', sh('true')).status !== 0) return undefined
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', sh(`exec '${process.execPath}' '${CHILD}' '${mountPoint}'`), { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', d => { out += d })
    child.stderr.on('data', d => { err += d })
    child.on('exit', code => code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as Outcome) : reject(new Error(`the full-disk child failed (${code}): ${err}`)))
  })
}

/** The same steps in process, the disk's refusal injected into LevelDB's writes. */
async function withInjectedErrors (): Promise<Outcome> {
  const titles = async (store: Store, id: string) => ({
    items: (await store.plan.items.list(id)).map(i => String(i.title)).sort(),
    logged: (await store.ws.log(id)).filter(e => e.action === 'items.add').map(e => /"(.*)"/.exec(e.summary)![1]!).sort()
  })
  const failure = (err: { kind: string, message: string }) => ({ kind: err.kind, message: err.message })
  let store = await newStore()
  const home = store.ws.paths.root
  const acc = await store.accounts.add({ name: 'Harbor Imports', leadPort: 'Miami' })
  const saved = []
  for (let n = 0; n < 3; n++) {
    await store.plan.items.add(acc.id, { title: `Item ${n}`, priority: 'low' })
    saved.push(`Item ${n}`)
  }
  let restore = failWrites(store)
  const refused = await store.plan.items.add(acc.id, { title: 'Item 3', priority: 'low' }).then(() => undefined, failure)
  restore()
  await store.ws.database.db.close()
  store = await Store.open(home)
  const afterCrash = await titles(store, acc.id)
  restore = failWrites(store)
  const whileFull = await store.plan.items.add(acc.id, { title: 'While full', priority: 'low' }).then(() => undefined, failure)
  restore()
  await store.plan.items.add(acc.id, { title: 'After freeing', priority: 'low' })
  await store.close()
  store = await Store.open(home)
  const afterFreeing = await titles(store, acc.id)
  await store.close()
  return { saved, refused: refused!, afterCrash, whileFull: whileFull!, afterFreeing }
}

describe('a full disk (a 4 MB tmpfs in a private mount namespace, or injected write errors where none can be mounted)', () => {
  it('fails the edit with one clear line, keeps the previous state, and writes again once space is freed', async () => {
    const o = await onTinyFileSystem() ?? await withInjectedErrors()
    expect(o.saved.length).toBeGreaterThan(0)
    expect(o.refused).toEqual({ kind: 'disk-full', message: MESSAGE })
    // A crash right after the refusal: exactly what was reported saved is on disk, each with its log entry.
    expect(o.afterCrash).toEqual({ items: [...o.saved].sort(), logged: [...o.saved].sort() })
    expect(o.whileFull).toEqual({ kind: 'disk-full', message: MESSAGE })
    // The refused change stays in the open workspace and is written, before later ones, once there is room.
    const all = [...o.saved, 'While full', 'After freeing'].sort()
    expect(o.afterFreeing).toEqual({ items: all, logged: all })
  })
})
