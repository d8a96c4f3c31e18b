// @ts-check
// A realistic workspace for the benchmarks: N accounts, each with a year of edit history, made through the
// real store API from dist/ (so its documents are exactly what `pat` writes, activity log included).
//
// Every account lives through a scripted year (from 1 July 2025, dated with the store's injectable clock):
// it is added with its IR#s and lead port, then gets its profile, a location, its port and 3–5 contacts;
// the whole checklist is answered over the first months (Compliance A–K, Business A–H; about a fifth No/NA
// with a reason, some of those changed to Yes later); the action plan gets its fields and 10 project items,
// of which several are worked on, re-dated and completed during the year; a meeting and a plan review are
// recorded, lifecycle tasks marked, the stage moves on, notes are edited, a contact changes phone or leaves;
// one account in five has a CIP that moves through its statuses (some extended). About 55 edits per
// account, each one an entry in the account's activity log.
//
// The contents depend only on the seed (one PRNG per account), not on timing; ids and Yjs client ids are
// random as always. Speed: the accounts are shared out to one process per core, each making its share in a
// copy of the new workspace, with many accounts in flight at once so the store's write queue puts their edits
// into few disk writes, and reopening the store every PER_OPEN accounts so memory stays bounded. The copies
// are then merged into one, document by document, as a sync would (Yjs updates; local keys copied as they are).
//
// The result is cached: a marker file in the home names the parameters it was made with. A home is built
// beside its final path (named with the builder's pid) and renamed into place with the marker in it, so a
// half-made one is never used: it is removed once its builder is gone, and the home is built again.
//
// Run as a program, it makes one share: node bench/generate-workspace.js HOME ACCOUNTS SEED PART PARTS
import { AsyncLocalStorage } from 'node:async_hooks'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cp, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Store } from '#dist/store/index.js'
import { openDatabase } from '#dist/store/database.js'
import { initWorkspace } from '#dist/cli/setup.js'
import * as Y from 'yjs'

const FORMAT = 2 // raise when the generated contents change, so cached workspaces are made again
const MARKER = 'bench-workspace.json'
const YEAR = Date.UTC(2025, 6, 1)
const DAY = 86_400_000
const IN_FLIGHT = 48
const PER_OPEN = 1000
const SELF = fileURLToPath(import.meta.url)

export async function generateWorkspace (home, { accounts, seed = 1 }) {
  const params = JSON.stringify({ format: FORMAT, accounts, seed })
  if (readMarker(home) === params) return home
  await mkdir(dirname(home), { recursive: true })
  await removeAbandoned(home)
  const building = `${home}.building-${process.pid}`
  await (await initWorkspace(building, { name: 'Dana Ruiz', team: 'Port of Long Beach account team' })).close()

  const parts = Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(accounts / 200)))
  const homes = Array.from({ length: parts }, (_, k) => `${building}.part${k}`)
  await Promise.all(homes.map(async (part, k) => {
    await rm(part, { recursive: true, force: true })
    await cp(building, part, { recursive: true })
    await runPart(part, accounts, seed, k, parts)
  }))
  await merge(building, homes)
  await Promise.all(homes.map(part => rm(part, { recursive: true, force: true })))
  const store = await Store.open(building) // opening compacts the merged workspace document, as any first use would
  const made = store.ws.accountIds().length
  await store.close()
  if (made !== accounts) throw new Error(`the bench workspace has ${made} accounts instead of ${accounts}`)
  await writeFile(join(building, MARKER), params + '\n')
  await rm(home, { recursive: true, force: true })
  await rename(building, home)
  return home
}

/** Removes what builders that are no longer running left beside `home`. */
async function removeAbandoned (home) {
  for (const name of await readdir(dirname(home))) {
    const m = name.startsWith(basename(home) + '.building-') && /-(\d+)(\.part\d+)?$/.exec(name)
    if (m && !isRunning(Number(m[1]))) await rm(join(dirname(home), name), { recursive: true, force: true })
  }
}

function isRunning (pid) {
  try { process.kill(pid, 0); return true } catch (err) { return /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM' }
}

function runPart (home, accounts, seed, part, parts) {
  return /** @type {Promise<void>} */ (new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SELF, home, String(accounts), String(seed), String(part), String(parts)], { stdio: ['ignore', 'inherit', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', d => { stderr += d })
    child.on('error', reject)
    child.on('exit', code => code === 0 ? resolve() : reject(new Error(`making part ${part} of the bench workspace failed (exit ${code}): ${stderr.trim()}`)))
  }))
}

/**
 * Makes this part's share of the accounts in `home`: those whose name begins with one of its share of the
 * first words. Like-named accounts get like ids (a slug of the name and a short random suffix), which the
 * store keeps unique among the accounts it knows — so they are all made by the same part.
 */
async function makePart (home, accounts, seed, part, parts) {
  const clock = new AsyncLocalStorage()
  const now = () => new Date(clock.getStore() ?? YEAR)
  const mine = []
  for (let i = 0; i < accounts; i++) if (FIRST.indexOf(firstWord(i, seed)) % parts === part) mine.push(i)
  for (let first = 0; first < mine.length; first += PER_OPEN) {
    const store = await Store.open(home, { now })
    const batch = mine.slice(first, first + PER_OPEN)
    let next = 0
    const lane = async () => { while (next < batch.length) await liveAYear(store, clock, batch[next++], seed) }
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane))
    await store.close()
  }
}

/** Merges the parts' databases into `home`'s: every document's updates, and our local keys. */
async function merge (home, parts) {
  const target = await openDatabase(join(home, 'db'))
  try {
    for (const part of parts) {
      const source = await openDatabase(join(part, 'db'), { createIfMissing: false })
      try {
        const names = await source.persistence.getAllDocNames()
        for (let i = 0; i < names.length; i += 500) {
          const entries = []
          for (const doc of names.slice(i, i + 500)) {
            const { updates } = await source.readUpdates(doc)
            entries.push({ doc, update: updates.length === 1 && updates[0] ? updates[0] : Y.mergeUpdates(updates) })
          }
          await target.storeUpdates(entries)
        }
        const local = await source.read(db => db.iterator({ gte: ['pat'], lt: ['paz'] }).all())
        await target.batch(local.map(([key, value]) => ({ type: 'put', key, value: /** @type {Uint8Array} */ (value) })))
      } finally {
        await source.close()
      }
    }
  } finally {
    await target.close()
  }
}

function readMarker (home) {
  try { return readFileSync(join(home, MARKER), 'utf8').trim() } catch { return undefined }
}

/** mulberry32: a small, fast, seedable PRNG. */
function prng (seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

const FIRST = ['Harbor', 'Pacific', 'Blue Heron', 'Northwind', 'Summit', 'Cedar', 'Atlas', 'Meridian', 'Golden Gate', 'Evergreen', 'Ironwood', 'Coastal', 'Redline', 'Silverlake', 'Bayview', 'Granite', 'Lakeside', 'Keystone', 'Sunrise', 'Prairie']
const SECOND = ['Electronics', 'Apparel', 'Foods', 'Auto Parts', 'Furniture', 'Textiles', 'Machinery', 'Toys', 'Steel', 'Chemicals', 'Footwear', 'Medical Supply', 'Home Goods', 'Solar', 'Beverages', 'Tools']
const SUFFIX = ['Inc.', 'LLC', 'Corp.', 'Trading Co.', 'Imports', 'Group', 'Holdings', 'International']
const PORTS = ['Long Beach', 'Los Angeles', 'Seattle', 'Tacoma', 'Oakland', 'New York', 'Newark', 'Savannah', 'Charleston', 'Houston', 'Miami', 'Norfolk', 'Baltimore', 'Chicago', 'Detroit']
const PFI = ['Electronics', 'Textiles and Apparel', 'Automotive and Aerospace', 'Base Metals', 'Consumer Products', 'Pharmaceuticals', 'Agriculture', 'Machinery']
const CATEGORIES = ['importer', 'exporter', 'broker', 'manufacturer', 'warehouse', 'forwarder']
const PEOPLE = ['Alex Morgan', 'Sam Rivera', 'Jordan Lee', 'Taylor Chen', 'Casey Patel', 'Riley Kim', 'Morgan Diaz', 'Jamie Okafor', 'Avery Novak', 'Quinn Sato', 'Drew Hassan', 'Robin Schulz', 'Skyler Haddad', 'Reese Ivanova']
const ROLES = ['Trade Compliance Manager', 'Import Manager', 'Customs Analyst', 'Logistics Director', 'CFO', 'Broker Liaison']
const CUSTOMS_ROLES = ['Import Specialist (team lead)', 'Entry Specialist', 'Auditor', 'Account Manager', 'Regulatory Audit liaison']
const NA_REASONS = ['broker files all entries', 'no quota or visa merchandise', 'no assists provided', 'no related-party transactions', 'goods not subject to AD/CVD', 'no drawback claims', 'no FTZ admissions', 'single port of entry', 'no IPR-sensitive goods']
const ITEMS = [
  ['Classification review of new product lines', 'compliance', 'compliance.A'], ['Valuation: document assists', 'compliance', 'compliance.B'],
  ['Country of origin marking audit', 'compliance', 'compliance.D'], ['Reconcile entry summaries with invoices', 'compliance', 'compliance.E'],
  ['Record-keeping: retention schedule', 'compliance', 'compliance.F'], ['Evaluate ACH for duty payments', 'business', 'business.B'],
  ['Periodic monthly statement', 'business', 'business.C'], ['Train staff on new HTS changes', 'compliance', 'compliance.A'],
  ['Broker performance review', 'business', 'business.A'], ['Internal control self-assessment', 'compliance', 'compliance.K']
]
const TASKS = ['select.criteria', 'establish.iors-confirmed', 'evaluate.questionnaire-sent', 'improve.projects']

const pick = (r, xs) => xs[Math.floor(r() * xs.length)]
const date = ms => new Date(ms).toISOString().slice(0, 10)

const accountPrng = (i, seed) => prng(seed * 1_000_003 + i)
const firstWord = (i, seed) => pick(accountPrng(i, seed), FIRST)

/** One account's year, edit by edit in date order, each dated on the account's own clock. */
async function liveAYear (store, clock, i, seed) {
  const r = accountPrng(i, seed)
  const first = pick(r, FIRST)
  let day = Math.floor(r() * 60) // most accounts exist from early in the year
  const at = (days, f) => { day += days; return clock.run(YEAR + day * DAY + Math.floor(r() * 9 * 3_600_000), f) }
  const name = `${first} ${pick(r, SECOND)} ${pick(r, SUFFIX)} ${String(i).padStart(5, '0')}`
  const lead = pick(r, PORTS)
  const iors = Array.from({ length: 1 + Math.floor(r() * 2) }, (_, k) => `${10 + Math.floor(r() * 89)}-${String(1_000_000 + i * 3 + k).padStart(7, '0')}`)
  const acc = await at(0, () => store.accounts.add({ name, iors, leadPort: lead, kind: r() < 0.9 ? 'port' : 'national', stage: 'select' }))
  const id = acc.id
  await at(2, () => store.accounts.set(id, {
    address: `${100 + Math.floor(r() * 9000)} Commerce Way, ${lead}`,
    importValue: Math.round(5 + r() * 200) * 1_000_000,
    duties: Math.round(1 + r() * 40) * 100_000,
    pfi: [pick(r, PFI)],
    categories: [...new Set([pick(r, CATEGORIES), 'importer'])],
    partnerPorts: [pick(r, PORTS)],
    nationalRank: 1 + Math.floor(r() * 1000),
    pfiShare: Math.floor(r() * 100),
    structure: 'Centrally controlled; Customs business handled by the trade compliance department at headquarters.'
  }))
  await at(1, () => store.locations.add(id, { type: 'headquarters', name: 'Head office', country: 'US' }))
  await at(1, () => store.ports.add(id, { name: lead, share: 50 + Math.floor(r() * 40), rank: 1 }))
  const contacts = []
  for (let k = 0, n = 3 + Math.floor(r() * 3); k < n; k++) {
    const customs = k === 0 || r() < 0.3
    const person = `${pick(r, PEOPLE)} ${k}`
    contacts.push(await at(1 + Math.floor(r() * 4), () => store.contacts.add(id, {
      name: person,
      side: customs ? 'customs' : 'account',
      role: customs ? pick(r, CUSTOMS_ROLES) : pick(r, ROLES),
      org: customs ? `Port of ${lead}` : name,
      phone: `555-${String(1000 + Math.floor(r() * 9000))}`,
      email: `${person.toLowerCase().replace(/\W+/g, '.')}@example.com`
    })))
  }
  for (const task of TASKS.slice(0, 1)) await at(Math.floor(r() * 3), () => store.tasks.mark(id, task, true))
  await at(5, () => store.accounts.set(id, { stage: 'establish' }))
  await at(3, () => store.events.add(id, { type: 'meeting', date: date(YEAR + day * DAY), title: 'First meeting with the account' }))
  for (const task of TASKS.slice(1, 2)) await at(Math.floor(r() * 4), () => store.tasks.mark(id, task, true))

  await at(10, () => store.accounts.set(id, { stage: 'evaluate' }))
  const changeLater = []
  for (const item of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'].map(l => `compliance.${l}`).concat(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map(l => `business.${l}`))) {
    const na = r() < 0.2
    await at(Math.floor(r() * 3), () => na ? store.checklist.set(id, item, 'na', pick(r, NA_REASONS)) : store.checklist.set(id, item, 'yes'))
    if (na && r() < 0.3) changeLater.push(item)
  }
  for (const task of TASKS.slice(2, 3)) await at(Math.floor(r() * 3), () => store.tasks.mark(id, task, true))

  await at(7, () => store.accounts.set(id, { stage: 'improve' }))
  await at(1, () => store.plan.set(id, {
    periodStart: date(YEAR + day * DAY),
    periodEnd: date(YEAR + (day + 365) * DAY),
    planDate: date(YEAR + day * DAY),
    distribution: `Port of ${lead}, NASC`,
    background: `Importer of ${pick(r, SECOND).toLowerCase()} since ${1980 + Math.floor(r() * 40)}.`,
    scope: 'Classification and valuation of new product lines.'
  }))
  const items = []
  for (const [title, area, checklistItem] of ITEMS) {
    items.push(await at(Math.floor(r() * 2), () => store.plan.items.add(id, {
      title, area, checklistItem, priority: pick(r, ['high', 'medium', 'low']), owner: pick(r, PEOPLE), due: date(YEAR + (day + 30 + Math.floor(r() * 300)) * DAY)
    })))
  }
  for (const task of TASKS.slice(3)) await at(1, () => store.tasks.mark(id, task, true))
  const cip = r() < 0.2
  const cipEntity = cip
    ? await at(4, () => store.cips.add(id, {
      deficiency: 'Misclassified parts',
      resultSheet: `RS-${i}`,
      responsibleOfficial: contacts[1]?.name ?? 'Compliance lead',
      prepared: date(YEAR + day * DAY),
      reportDate: date(YEAR + day * DAY),
      status: 'submitted'
    }))
    : undefined
  // Each action step with its own target date and responsible department (CIP framework).
  if (cipEntity) {
    await at(1, () => store.cips.steps.add(id, cipEntity.id, { action: 'Train staff', target: date(YEAR + (day + 60) * DAY), department: 'Trade Compliance' }))
    await at(1, () => store.cips.steps.add(id, cipEntity.id, { action: 'Add a review step before filing', target: date(YEAR + (day + 120) * DAY), department: 'Import Operations' }))
  }

  // The rest of the year: items worked on, re-dated and completed; answers revisited; reviews; notes; people.
  for (const [k, item] of items.entries()) {
    if (k % 3 === 0) await at(5 + Math.floor(r() * 10), () => store.plan.items.set(id, item.id, { status: 'in-progress' }))
    if (k % 4 === 1) await at(5 + Math.floor(r() * 10), () => store.plan.items.set(id, item.id, { due: date(YEAR + Math.min(day + 60, 420) * DAY) }))
    if (k % 2 === 0) await at(3 + Math.floor(r() * 10), () => store.plan.items.done(id, item.id))
  }
  for (const item of changeLater) await at(3, () => store.checklist.set(id, item, 'yes'))
  if (cipEntity) {
    await at(10, () => store.cips.set(id, cipEntity.id, { status: 'implementing' }))
    if (r() < 0.3) await at(20, () => store.cips.extend(id, cipEntity.id, { until: date(YEAR + (day + 240) * DAY), reason: 'significant progress shown' }))
  }
  await at(20, () => store.accounts.set(id, { notes: 'Quarterly call with the trade compliance manager. Broker changed in spring.', profileReviewed: date(YEAR + day * DAY) }))
  await at(5, () => store.contacts.set(id, contacts.at(-1).id, { phone: `555-${String(1000 + Math.floor(r() * 9000))}` }))
  if (r() < 0.3) await at(10, () => store.contacts.remove(id, contacts.at(-1).id))
  await at(10, () => store.events.add(id, { type: 'review', subject: 'plan', date: date(YEAR + day * DAY), title: 'Action plan review' }))
  if (r() < 0.5) await at(5, () => store.accounts.set(id, { stage: 'manage' }))
}

if (process.argv[1] === SELF) {
  const [home, accounts, seed, part, parts] = process.argv.slice(2)
  await makePart(home, Number(accounts), Number(seed), Number(part), Number(parts))
}
