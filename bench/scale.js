// @ts-check
// The store at scale, on the generated workspace of 10,000 accounts with a year of history each
// (generate-workspace.js; the same one bench/app.js uses):
// - `pat account list --json`, `pat account show ID --json` and the other read commands of issue 21 (`due`,
//   `checklist show`, `log`, `status`) as new processes (median of several runs;
//   the OS file cache is warm, the process is cold: it opens the workspace and reads what it prints). The
//   account directory comes from its local snapshot (store/directory-snapshot.ts), which the open before
//   them wrote; a list with that snapshot out of date (the first after a restore, or after a process that
//   changed the workspace was killed) decodes the workspace document and is timed apart. `account list
//   --json` and `due --json` print their kept answer (store/output-cache.ts) while the workspace is as it
//   was, as in a person's repeated runs; the first run after a change makes it again, timed apart too
//   ("kept answer out of date": the file removed before each run);
// - the app's resident memory: peak RSS (VmHWM) of the `pat` process in a terminal after it showed the
//   accounts table, a person's pause after it went live (the app warms up then), moved through it, opened an
//   account and went through its tabs;
// - one edit made durable: in process through the store API, the time until the edit's promise resolves
//   (its update is in LevelDB), many edits one after another, p50/p95 — on a copy of the workspace;
// - disk: 100,000 edits through the store API on a workspace of 500 generated accounts (200 edits each,
//   several accounts in flight), then the database's size on disk against the same documents compacted
//   (each one's merged state in a fresh database, LevelDB-compacted), checking that every account's state
//   and activity log are the same in both and that the log holds every edit;
// - tombstones: one account's contacts and plan items removed and added again, round after round: the
//   account document's encoded size (the activity log, which keeps a line per edit by design, counted
//   apart), how many removed entries still hold their content in memory (the undo history keeps the last
//   100 actions' deletions; nothing older may stay), and the heap after each round.
import { rmSync } from 'node:fs'
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import * as Y from 'yjs'
import { Store } from '#dist/store/index.js'
import { openDatabase } from '#dist/store/database.js'
import { generateWorkspace } from './generate-workspace.js'
import { startPty } from './pty.js'
import { figure, medianProcessMs, percentile, round } from './stats.js'

const PAT = fileURLToPath(new URL('../bin/pat.cjs', import.meta.url))
const ACCOUNTS = Number(process.env.PAT_BENCH_ACCOUNTS ?? 10_000)
const BENCH_DIR = process.env.PAT_BENCH_DIR ?? tmpdir()
const RUNS = 5
const EDIT_SAMPLES = 2000
const DISK_ACCOUNTS = 500
const DISK_EDITS = 100_000
const DISK_IN_FLIGHT = 16
const TOMBSTONE_ROUNDS = 40
const TOMBSTONE_ITEMS = 20

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc')

export async function run () {
  const home = await generateWorkspace(join(BENCH_DIR, `pat-bench-app-${ACCOUNTS}`), { accounts: ACCOUNTS, seed: 1 })
  const scratch = await mkdtemp(join(tmpdir(), 'pat-bench-scale-'))
  try {
    const ids = await listIds(home)
    const env = { ...process.env, NO_COLOR: '1' }
    const reads = readRounds(home, ids, env)
    const { node: nodeMs, list: listMs, show: showMs, due: dueMs } = reads
    const staleListMs = await listWithStaleSnapshot(home, env)
    const memory = await appMemory(home, ids.length)
    const edits = await editLatency(home, scratch, ids)
    const disk = await diskAfterEdits(scratch)
    const tombstones = await tombstoneRounds(scratch)
    return {
      accounts: ids.length,
      figures: [
        figure('pat account list --json, cold (median)', listMs, 'ms', { value: 1000, text: '≤ 1 s' }),
        figure('pat account show ID --json, cold (median)', showMs, 'ms', { value: 1000, text: '≤ 1 s' }),
        figure('pat due --json, cold (median)', dueMs, 'ms'),
        figure('bare node -e \'\' in the same rounds (median)', nodeMs, 'ms'),
        figure('pat account list ÷ bare node', listMs / nodeMs, '×', { value: 3, text: '≤ 3×' }),
        figure('pat account show ÷ bare node', showMs / nodeMs, '×', { value: 3, text: '≤ 3×' }),
        figure('pat due ÷ bare node', dueMs / nodeMs, '×', { value: 3, text: '≤ 3×' }),
        figure('pat account list --json, kept answer out of date (median)', reads.listMade, 'ms'),
        figure('pat due --json, kept answer out of date (median)', reads.dueMade, 'ms'),
        figure('pat account list, kept answer out of date ÷ bare node', reads.listMade / nodeMs, '×'),
        figure('pat due, kept answer out of date ÷ bare node', reads.dueMade / nodeMs, '×'),
        ...(/** @type {const} */ (['checklist', 'log', 'status'])).flatMap(name => [
          figure(`pat ${READS[name].label} --json, cold (median)`, reads[name], 'ms'),
          figure(`pat ${READS[name].label} ÷ bare node`, reads[name] / nodeMs, '×', { value: 3, text: '≤ 3×' })
        ]),
        figure('pat account list --json, cold, directory snapshot out of date (median)', staleListMs, 'ms'),
        figure('app peak RSS (table, account tabs)', memory.peakMiB, 'MiB', { value: 300, text: '≤ 300 MB' }),
        figure('edit made durable, p50', edits.p50, 'ms'),
        figure('edit made durable, p95', edits.p95, 'ms', { value: 10, text: '≤ 10 ms' }),
        figure(`disk after ${DISK_EDITS.toLocaleString('en-US')} edits`, disk.afterMiB, 'MiB'),
        figure('disk, same documents compacted', disk.compactedMiB, 'MiB'),
        figure('disk after edits ÷ compacted', disk.ratio, '×', { value: 3, text: '≤ 3×' }),
        figure('history and activity log intact after edits', disk.intact ? 1 : 0, 'yes=1', { value: 1, text: 'yes', lowerIsBetter: false }),
        figure(`tombstones: doc growth per round, rounds ${TOMBSTONE_ROUNDS / 2}–${TOMBSTONE_ROUNDS} (excl. log)`, tombstones.docBytesPerRound, 'B'),
        figure('tombstones: doc growth per removed entry (excl. log)', tombstones.bytesPerRemoved, 'B', { value: 64, text: '≤ 64 B' }),
        figure(`tombstones: removed entries whose content is held, round ${TOMBSTONE_ROUNDS}`, tombstones.held.at(-1), 'items'),
        figure(`tombstones: growth of that, rounds ${TOMBSTONE_ROUNDS / 2}–${TOMBSTONE_ROUNDS}`, tombstones.heldGrowth, 'items', { value: 0, text: 'none' }),
        figure('tombstones: heap growth per round, second half (incl. 80 log entries)', tombstones.heapKiBPerRound, 'KiB')
      ],
      raw: { reads, staleListMs, memory, edits, disk, tombstones }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

const medianOf = xs => percentile(xs, 50)

/**
 * The read commands issue 21 names, each a new process with its arguments (`id`: an account, a different
 * one each round); `label` names it in the figures.
 * `before`: done before each run, untimed.
 * @type {Record<'list' | 'show' | 'due' | 'listMade' | 'dueMade' | 'checklist' | 'log' | 'status', { label: string, args: (id: string) => string[], before?: (home: string) => void }>}
 */
const READS = {
  list: { label: 'account list', args: () => ['account', 'list', '--json'] },
  show: { label: 'account show', args: id => ['account', 'show', id, '--json'] },
  due: { label: 'due', args: () => ['due', '--json'] },
  listMade: { label: 'account list, kept answer out of date', args: () => ['account', 'list', '--json'], before: home => removeKept(home, 'account-list') },
  dueMade: { label: 'due, kept answer out of date', args: () => ['due', '--json'], before: home => removeKept(home, 'due') },
  checklist: { label: 'checklist show ID', args: id => ['checklist', 'show', id, '--json'] },
  log: { label: 'log ID', args: id => ['log', id, '--json'] },
  status: { label: 'status', args: () => ['status', '--json'] }
}

/**
 * Bare node and each read command in turn, round after round, so the ratios compare medians of one run
 * (issue 21); medians in ms by name (`node` for the bare start).
 * @param {string} home @param {string[]} ids @param {NodeJS.ProcessEnv} env
 */
function readRounds (home, ids, env) {
  /** @type {Map<string, number[]>} */
  const rounds = new Map([['node', []], ...Object.keys(READS).map(k => /** @type {[string, number[]]} */ ([k, []]))])
  const add = (/** @type {string} */ name, /** @type {number} */ ms) => rounds.get(name)?.push(ms)
  // `pat due` reads each account's due input kept beside the summaries; a workspace made before those were
  // kept computes them once, from every document, on its first `pat due` (not timed).
  medianProcessMs(process.execPath, [PAT, '--home', home, 'due', '--json'], 1, env)
  for (let i = 0; i < RUNS; i++) {
    add('node', medianProcessMs(process.execPath, ['-e', ''], 1, env))
    for (const [name, read] of Object.entries(READS)) {
      read.before?.(home)
      add(name, medianProcessMs(process.execPath, [PAT, '--home', home, ...read.args(String(ids[i % ids.length]))], 1, env))
    }
  }
  return /** @type {Record<'node' | keyof typeof READS, number>} */ (Object.fromEntries([...rounds].map(([k, xs]) => [k, medianOf(xs)])))
}

/** Removes the kept answer of a command (store/output-cache.ts), as a change to the workspace outdates it. */
const removeKept = (home, name) => rmSync(join(home, 'aggregates', `output-${name}`), { force: true })

/** A copy of a workspace to edit (its database and config; not a running app's socket or pid file). */
const copyWorkspace = (from, to) => cp(from, to, { recursive: true, filter: src => !/pat\.(sock|pid)$/.test(src) })

async function listIds (home) {
  const store = await Store.open(home)
  try {
    return store.ws.headers().map(h => h.id)
  } finally {
    await store.close()
  }
}

/** `pat account list --json` after each time the directory snapshot's stamp is removed (it then rebuilds it). */
async function listWithStaleSnapshot (home, env) {
  const times = []
  for (let i = 0; i < RUNS; i++) {
    // No current snapshot (as after a restore, or a killed process that had changed the workspace document).
    await rm(join(home, 'aggregates', 'directory.json'), { force: true })
    removeKept(home, 'account-list') // else the list's kept answer is printed, still current
    times.push(medianProcessMs(process.execPath, [PAT, '--home', home, 'account', 'list', '--json'], 1, env))
  }
  return medianOf(times)
}

/** Peak and current RSS of the app after it has shown the table and an account's tabs. */
async function appMemory (home, accounts) {
  const p = startPty(`${JSON.stringify(process.execPath)} ${JSON.stringify(PAT)}`, { env: { ...process.env, PAT_HOME: home } })
  try {
    await p.waitForText(`Accounts · ${accounts}`)
    // As a person starts, so the app's idle warm-up is part of its peak.
    await p.waitForFirstKey()
    for (let i = 0; i < 31; i++) await p.keystroke('j')
    await p.keystroke('\r')
    for (const tab of '234561') await p.keystroke(tab)
    const status = await readFile(`/proc/${await appPid(home)}/status`, 'utf8')
    const kib = field => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1])
    return { peakMiB: round(kib('VmHWM') / 1024), rssMiB: round(kib('VmRSS') / 1024) }
  } finally {
    p.kill()
    await p.exit
  }
}

/** The pid of the `pat` process working on `home` (the terminal runs it under `script` and a shell). */
async function appPid (home) {
  for (const pid of (await readdir('/proc')).filter(d => /^\d+$/.test(d))) {
    const [cmdline = '', environ = ''] = await Promise.all([readFile(`/proc/${pid}/cmdline`, 'utf8'), readFile(`/proc/${pid}/environ`, 'utf8')].map(p => p.catch(() => '')))
    if (cmdline.split('\0').includes(PAT) && environ.split('\0').includes(`PAT_HOME=${home}`)) return pid
  }
  throw new Error('the app\'s process was not found in /proc')
}

/** Edits one after another on a copy of the workspace, each timed until it is stored. */
async function editLatency (home, scratch, ids) {
  const copy = join(scratch, 'latency')
  await copyWorkspace(home, copy)
  const store = await Store.open(copy)
  try {
    const accounts = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / 200)) === 0)
    const times = []
    for (let n = 0; n < EDIT_SAMPLES; n++) {
      const id = accounts[n % accounts.length]
      const t0 = performance.now()
      await oneEdit(store, id, n)
      times.push(performance.now() - t0)
    }
    return { samples: times.length, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(Math.max(...times)) }
  } finally {
    await store.close()
  }
}

/** Edit number `n` of an account: a mix of what people do most — answers, plan items, fields, contacts. */
async function oneEdit (store, id, n) {
  switch (n % 4) {
    case 0: return store.checklist.set(id, 'business.D', n % 8 === 0 ? 'yes' : 'na', `reason ${n}`)
    case 1: return store.plan.items.add(id, { title: `Follow-up ${n}`, priority: 'medium', due: '2026-09-30' })
    case 2: return store.accounts.set(id, { leadPort: `Port ${n % 97}` })
    default: return store.contacts.add(id, { name: `Contact ${n}`, side: 'account', phone: `555-${String(1000 + (n % 9000))}` })
  }
}

export async function diskAfterEdits (scratch) {
  const source = await generateWorkspace(join(BENCH_DIR, `pat-bench-scale-${DISK_ACCOUNTS}`), { accounts: DISK_ACCOUNTS, seed: 2 })
  const home = join(scratch, 'disk')
  await copyWorkspace(source, home)
  let store = await Store.open(home)
  const ids = store.ws.headers().map(h => h.id)
  const logBefore = new Map()
  for (const id of ids) logBefore.set(id, (await store.ws.log(id)).length)
  let next = 0
  const lane = async () => { for (let n = next++; n < DISK_EDITS; n = next++) await oneEdit(store, ids[n % ids.length], n) }
  await Promise.all(Array.from({ length: DISK_IN_FLIGHT }, lane))
  await store.close()
  const after = await diskBytes(join(home, 'db'))

  // The reference: every document's merged state, alone in a fresh database, compacted by LevelDB.
  store = await Store.open(home)
  const compactedDb = join(scratch, 'compacted')
  const target = await openDatabase(compactedDb)
  const names = await store.ws.docs.storedNames()
  const states = new Map()
  for (const name of names) states.set(name, Y.encodeStateAsUpdate(await store.ws.docs.get(name)))
  await target.storeUpdates([...states].map(([doc, update]) => ({ doc, update })))
  await target.batch(await store.ws.database.read(db => db.iterator({ gte: ['pat'], lt: ['paz'] }).all()).then(kv => kv.map(([key, value]) => ({ type: /** @type {const} */ ('put'), key, value: /** @type {Uint8Array} */ (value) }))))
  // classic-level's compactRange: LevelDB's own, which `level`'s types leave out.
  await /** @type {{ compactRange: (start: Buffer, end: Buffer, opts: object) => Promise<void> }} */ (/** @type {unknown} */ (target.db)).compactRange(Buffer.from([0]), Buffer.from([0xff]), { keyEncoding: 'buffer' })
  await target.close()
  const compacted = await diskBytes(compactedDb)

  // Intact: the edited store and the compacted copy read the same, and every edit has its log entry.
  let intact = true
  let logged = 0
  for (const id of ids) {
    const log = await store.ws.log(id)
    logged += log.length - logBefore.get(id)
    const live = await store.ws.docs.get(`account/${id}`)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, states.get(`account/${id}`))
    if (!Buffer.from(Y.encodeStateVector(doc)).equals(Y.encodeStateVector(live)) || canonical(doc) !== canonical(live)) intact = false
  }
  await store.close()
  if (logged !== DISK_EDITS) intact = false
  return { edits: DISK_EDITS, accounts: ids.length, afterMiB: round(after / 2 ** 20), compactedMiB: round(compacted / 2 ** 20), ratio: round(after / compacted), logEntriesAdded: logged, intact }
}

/** An account document's contents as JSON with sorted keys (a decoded copy lists its maps' keys in another order). */
function canonical (doc) {
  const sorted = v => Array.isArray(v) ? v.map(sorted) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map(k => [k, sorted(v[k])])) : v
  const roots = ['profile', 'plan', 'checklist', 'tasks', 'locations', 'related', 'contacts', 'items', 'cips', 'events', 'approvals', 'requested', 'ports']
  return JSON.stringify(sorted({ ...Object.fromEntries(roots.map(r => [r, doc.getMap(r).toJSON()])), log: doc.getArray('log').toJSON() }))
}

/** Bytes the files under `dir` take on disk. */
async function diskBytes (dir) {
  let total = 0
  for (const f of await readdir(dir, { recursive: true })) {
    const s = await stat(join(dir, f))
    if (s.isFile()) total += s.blocks * 512
  }
  return total
}

async function tombstoneRounds (scratch) {
  const source = await generateWorkspace(join(BENCH_DIR, `pat-bench-scale-${DISK_ACCOUNTS}`), { accounts: DISK_ACCOUNTS, seed: 2 })
  const home = join(scratch, 'tombstones')
  await copyWorkspace(source, home)
  const store = await Store.open(home)
  try {
    const id = store.ws.headers()[0]?.id
    if (!id) throw new Error('the workspace has no account')
    const doc = await store.ws.docs.get(`account/${id}`)
    const logBytes = () => Y.encodeStateAsUpdate(logOnly(doc)).length
    const sample = () => {
      gc()
      let held = 0
      for (const structs of doc.store.clients.values()) for (const s of structs) if (s instanceof Y.Item && s.deleted && !(s.content instanceof Y.ContentDeleted)) held++
      return { doc: Y.encodeStateAsUpdate(doc).length - logBytes(), heap: process.memoryUsage().heapUsed, held }
    }
    const rounds = []
    for (let r = 0; r < TOMBSTONE_ROUNDS; r++) {
      for (const c of await store.contacts.list(id)) await store.contacts.remove(id, c.id)
      for (const i of await store.plan.items.list(id)) await store.plan.items.remove(id, i.id)
      for (let k = 0; k < TOMBSTONE_ITEMS; k++) {
        await store.contacts.add(id, { name: `Round ${r} contact ${k}`, side: 'account', email: `c${k}@example.com`, notes: 'x'.repeat(200) })
        await store.plan.items.add(id, { title: `Round ${r} item ${k}`, priority: 'low', goal: 'y'.repeat(200) })
      }
      rounds.push(sample())
    }
    const half = rounds[TOMBSTONE_ROUNDS / 2 - 1]
    const last = rounds.at(-1)
    if (!half || !last) throw new Error('no tombstone rounds were sampled')
    const removedPerRound = 2 * TOMBSTONE_ITEMS
    const span = TOMBSTONE_ROUNDS / 2
    return {
      rounds: TOMBSTONE_ROUNDS,
      removedPerRound,
      docBytes: rounds.map(r => r.doc),
      heapMiB: rounds.map(r => round(r.heap / 2 ** 20)),
      held: rounds.map(r => r.held),
      heldGrowth: last.held - half.held,
      docBytesPerRound: round((last.doc - half.doc) / span),
      bytesPerRemoved: round((last.doc - half.doc) / span / removedPerRound),
      heapKiBPerRound: round((last.heap - half.heap) / span / 1024)
    }
  } finally {
    await store.close()
  }
}

/** A document holding only the account's activity log, to tell its size apart. */
function logOnly (doc) {
  const out = new Y.Doc()
  out.getArray('log').push(doc.getArray('log').toArray())
  return out
}
