// @ts-check
// Unseen counts at scale (issue #20): the accounts list's per-member "unseen" count for 10,000 accounts must
// come from the summaries the list already reads and the member's marks, without decoding any account document.
//
// The workspace: N accounts added by one member (Dana), each opened once by her (so each has a mark), then a
// teammate (Bo: the same home with another member in workspace.json, as a peer's edits would arrive) changes
// every other account once. Made through the real store API from dist/ and cached beside the other bench
// workspaces (a marker names its parameters). Then, as Dana:
// - `accounts.list({ unseen: true })` in process on a freshly opened store (median of several runs), with
//   the number of account documents it opened (must be 0) and how many accounts it counted unseen changes on;
// - `pat account list --json` (which prints `unseen`) as a new process, cold, median of several runs, against
//   the list's budget of 1 s (bench/scale.js).
import { readFileSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Store } from '#dist/store/index.js'
import { initWorkspace } from '#dist/cli/setup.js'
import { figure, medianProcessMs, percentile } from './stats.js'

const PAT = fileURLToPath(new URL('../bin/pat.cjs', import.meta.url))
const ACCOUNTS = Number(process.env.PAT_BENCH_ACCOUNTS ?? 10_000)
const BENCH_DIR = process.env.PAT_BENCH_DIR ?? tmpdir()
const FORMAT = 1
const MARKER = 'bench-changes.json'
const IN_FLIGHT = 32
const PER_OPEN = 1000
const RUNS = 5

export async function run () {
  const home = await changesWorkspace(join(BENCH_DIR, `pat-bench-changes-${ACCOUNTS}`), ACCOUNTS)
  /** @type {number[]} */
  const inProcess = []
  /** @type {number[]} */
  const plain = []
  let opened = -1
  let withUnseen = 0
  let total = 0
  for (let i = 0; i < RUNS; i++) {
    // The same list without unseen counts, on a store of its own opened the same way: the baseline.
    const bare = await Store.open(home, { accountsOnly: true })
    const t1 = process.hrtime.bigint()
    await bare.accounts.list()
    plain.push(Number(process.hrtime.bigint() - t1) / 1e6)
    await bare.close()
    const store = await Store.open(home, { accountsOnly: true })
    const t0 = process.hrtime.bigint()
    const rows = await store.accounts.list({ unseen: true })
    inProcess.push(Number(process.hrtime.bigint() - t0) / 1e6)
    // Every account document opened by the list would be decoded: none may be.
    opened = Math.max(opened, store.ws.docs.openCount - (store.ws.docs.loaded('workspace') ? 1 : 0))
    withUnseen = rows.filter(r => (r.unseen ?? 0) > 0).length
    total = rows.reduce((n, r) => n + (r.unseen ?? 0), 0)
    await store.close()
  }
  if (withUnseen !== Math.floor(ACCOUNTS / 2) || total !== withUnseen) {
    throw new Error(`expected ${Math.floor(ACCOUNTS / 2)} accounts with one unseen change each, counted ${withUnseen} accounts and ${total} changes`)
  }
  const env = { ...process.env, NO_COLOR: '1' }
  const cold = medianProcessMs(process.execPath, [PAT, '--home', home, 'account', 'list', '--json'], RUNS, env)
  return {
    accounts: ACCOUNTS,
    figures: [
      figure(`list of ${ACCOUNTS} accounts with unseen counts, in process (median)`, percentile(inProcess, 50), 'ms'),
      figure('the same list without unseen counts (median)', percentile(plain, 50), 'ms'),
      figure('account documents opened for them', opened, 'docs', { value: 0, text: '0' }),
      figure('accounts counted with unseen changes', withUnseen, 'accounts'),
      figure('pat account list --json with unseen, cold (median)', cold, 'ms', { value: 1000, text: '≤ 1 s' })
    ]
  }
}

/** The cached workspace (see the header), made when missing or made with other parameters. */
async function changesWorkspace (home, accounts) {
  const params = JSON.stringify({ format: FORMAT, accounts })
  try { if (readFileSync(join(home, MARKER), 'utf8').trim() === params) return home } catch { /* not made yet */ }
  await rm(home, { recursive: true, force: true })
  await mkdir(BENCH_DIR, { recursive: true })
  await (await initWorkspace(home, { name: 'Dana Ruiz', team: 'Port of Long Beach account team' })).close()
  /** @type {string[]} */
  const ids = []
  await inBatches(home, accounts, async (store, n) => {
    // The number leads the name, so each account's id (its name's slug plus a random suffix) reads apart.
    const acc = await store.accounts.add({ name: `${String(n).padStart(5, '0')} Bench Account` })
    ids[n] = acc.id
    await store.changes.markSeen(acc.id)
  })
  // The teammate's edits: the same database under another member, as a sync would bring them in.
  const configPath = join(home, 'workspace.json')
  const dana = readFileSync(configPath, 'utf8')
  const cfg = JSON.parse(dana)
  await writeFile(configPath, JSON.stringify({ ...cfg, member: { id: 'bench-bo-chen', name: 'Bo Chen' } }, null, 2) + '\n')
  try {
    await inBatches(home, Math.floor(accounts / 2), async (store, n) => {
      await store.accounts.set(String(ids[n * 2]), { address: `${n} Harbor Road` })
    })
  } finally {
    await writeFile(configPath, dana)
  }
  if (new Set(ids).size !== accounts) throw new Error(`the bench workspace has ${new Set(ids).size} accounts instead of ${accounts}`)
  await writeFile(join(home, MARKER), params + '\n')
  return home
}

/**
 * Runs `fn` for 0..count-1, IN_FLIGHT at a time, reopening the store every PER_OPEN so the documents it
 * opened do not pile up in memory.
 * @param {string} home @param {number} count @param {(store: Store, n: number) => Promise<void>} fn
 */
async function inBatches (home, count, fn) {
  for (let start = 0; start < count; start += PER_OPEN) {
    const store = await Store.open(home)
    const end = Math.min(count, start + PER_OPEN)
    let next = start
    await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
      while (next < end) await fn(store, next++)
    }))
    await store.close()
  }
}
