// @ts-check
// Peer-to-peer sync over the real transport: WebSocket over mutual TLS on 127.0.0.1 between workspaces in
// temporary homes, each end a SyncSession over the workspace's documents (built code from dist/).
//  - edit-to-remote-visible latency: an edit on A until B's store shows it (p50, p95; A and B connected)
//  - 5 members × 1,000 offline edits each on the same accounts, then all reconnect (star around one member):
//    time until every replica holds every document at the same state vector
//  - bytes for a reconnect after N edits: sync frames both ways (step 1 for every document, step 2, signals)
//    against the size of the Yjs updates those edits made — what a live connection would have carried
//  - judging owner-signed roster changes from an editor or a hub: a replica that has seen none of 100 new
//    members and their role changes judges the whole diff at once (what a first hub exchange after much
//    roster churn pays: one scratch copy, one signature check per entry)
import { generateKeyPairSync } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { initWorkspace } from '#dist/cli/setup.js'
import { Store, workspaceSyncTarget } from '#dist/store/index.js'
import { createCertificate } from '#dist/sync/certificate.js'
import { fingerprint, loadIdentity, loadSigner } from '#dist/sync/identity.js'
import { SyncSession } from '#dist/sync/session.js'
import { connect, listen } from '#dist/sync/transport.js'
import { figure, percentile, round } from './stats.js'

const LATENCY_SAMPLES = 200
const MEMBERS = 5
const OFFLINE_EDITS = 1000
const RECONNECT_EDITS = 200
const SHARED_ACCOUNTS = 5
const ROSTER_CHANGES = 100
const JUDGE_RUNS = 15

const homes = []

async function member (name) {
  const home = await mkdtemp(join(tmpdir(), 'pat-bench-sync-'))
  homes.push(home)
  await (await initWorkspace(home, { name })).close()
  const store = await Store.open(home)
  const id = await loadIdentity(store.ws.paths.identityKey)
  const tls = { key: id.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), cert: await createCertificate(id.privateKey, id.publicKeyPem, id.id) }
  return { store, id: id.id, tls }
}

/**
 * One end of a connection: a session over the store's documents (every member is its own team's owner here,
 * so the roster refuses nothing), frames counted as they leave and arrive.
 */
function attach (conn, store, count = { bytes: 0, frames: 0 }) {
  const session = new SyncSession(workspaceSyncTarget(store.ws, () => 'owner'), f => { count.bytes += f.length; count.frames++; conn.send(f) })
  conn.onFrame(f => { count.bytes += f.length; count.frames++; session.receive(f).catch(err => conn.close(String(err.message))) })
  conn.onClose(() => session.close())
  session.start().catch(err => conn.close(String(err.message)))
  return { session, count, close: () => { session.close(); conn.close() } }
}

/** A listens; each of `others` connects to it. Resolves when every session has said it is up to date. */
async function star (hub, others) {
  const accepted = []
  const listener = await listen({
    host: '127.0.0.1',
    port: 0,
    identity: hub.tls,
    authorize: id => others.some(o => o.id === id),
    onPeer: conn => accepted.push(attach(conn, hub.store))
  })
  const links = await Promise.all(others.map(async o => attach(await connect({ url: `wss://127.0.0.1:${listener.port}`, identity: o.tls, expectPeer: id => id === hub.id }), o.store)))
  await Promise.all(links.map(l => l.session.synced))
  return {
    links,
    close: async () => { for (const l of [...links, ...accepted]) l.close(); await listener.close() }
  }
}

/** Each member's state vector of every document, as one comparable string per member. */
async function vectors (stores, names) {
  const out = []
  for (const s of stores) {
    const parts = []
    for (const name of names) parts.push(`${name}:${[...Y.decodeStateVector(Y.encodeStateVector(await s.ws.docs.get(name)))].sort((a, b) => a[0] - b[0]).join(';')}`)
    out.push(parts.join('|'))
  }
  return out
}

async function docNames (stores) {
  const names = new Set()
  for (const s of stores) for (const n of await s.ws.docs.storedNames()) names.add(n)
  return [...names].sort()
}

/** The i-th edit of a member: a field, a checklist answer, a plan item or a contact on one of the accounts. */
function edit (store, accounts, who, i) {
  const acc = accounts[i % accounts.length]
  switch (i % 4) {
    case 0: return store.accounts.set(acc, { notes: `${who} note ${i}` })
    case 1: return store.checklist.set(acc, `compliance.${'ABCDEFGHIJK'[i % 11]}`, i % 8 === 1 ? 'yes' : 'na', `${who} reason ${i}`)
    case 2: return store.plan.items.add(acc, { title: `${who} item ${i}`, priority: 'medium' })
    default: return store.contacts.add(acc, { name: `${who} contact ${i}`, side: 'account' })
  }
}

async function latency () {
  const [a, b] = [await member('Ana'), await member('Bo')]
  const acc = (await a.store.accounts.add({ name: 'Latency Harbor Co' })).id
  const net = await star(a, [b])
  const times = []
  for (let i = 0; i < LATENCY_SAMPLES + 20; i++) {
    const text = `edit ${i}`
    let t0 = 0
    const seen = new Promise(resolve => {
      const stop = b.store.subscribe(change => {
        if (!change.remote || change.accountId !== acc) return
        b.store.accounts.show(acc).then(r => { if (r.profile.notes === text) { stop(); resolve(performance.now() - t0) } })
      })
    })
    t0 = performance.now()
    const [ms] = await Promise.all([seen, a.store.accounts.set(acc, { notes: text })])
    if (i >= 20) times.push(ms) // the first ones warm up
  }
  await net.close()
  for (const m of [a, b]) await m.store.close()
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}

async function offlineConvergence () {
  const members = []
  for (let i = 0; i < MEMBERS; i++) members.push(await member(`Member ${i}`))
  const stores = members.map(m => m.store)
  const [first] = stores
  if (!first) throw new Error('no members')
  const accounts = []
  for (let i = 0; i < SHARED_ACCOUNTS; i++) accounts.push((await first.accounts.add({ name: `Shared Harbor ${i}` })).id)
  let net = await star(members[0], members.slice(1))
  await net.close()
  await Promise.all(stores.map(async (s, m) => { for (let i = 0; i < OFFLINE_EDITS; i++) await edit(s, accounts, `m${m}`, i) }))
  const names = await docNames(stores)

  const t0 = performance.now()
  net = await star(members[0], members.slice(1))
  let converged
  for (;;) {
    const v = await vectors(stores, names)
    if (v.every(x => x === v[0])) { converged = performance.now() - t0; break }
    if (performance.now() - t0 > 60_000) throw new Error('5 members did not converge within 60 s')
    await new Promise(resolve => setTimeout(resolve, 2))
  }
  await Promise.all(stores.map(s => s.ws.flush()))
  const stored = performance.now() - t0
  for (const s of stores) { // the same state vectors must also mean everyone's edits are there
    let contacts = 0
    for (const acc of accounts) contacts += (await s.contacts.list(acc)).length
    if (contacts !== MEMBERS * OFFLINE_EDITS / 4) throw new Error(`${s.ws.member.name} has ${contacts} contacts after converging, not ${MEMBERS * OFFLINE_EDITS / 4}`)
  }
  const frames = net.links.reduce((n, l) => n + l.count.frames, 0)
  const bytes = net.links.reduce((n, l) => n + l.count.bytes, 0)
  await net.close()
  for (const s of stores) await s.close()
  return { converged, stored, frames, bytes }
}

async function reconnectBytes () {
  const [a, b] = [await member('Ana'), await member('Bo')]
  const accounts = []
  for (let i = 0; i < 20; i++) accounts.push((await a.store.accounts.add({ name: `Harbor ${i}` })).id)
  let net = await star(a, [b])
  await net.close()
  let editBytes = 0
  // The updates the edits make, as the documents emit them (what a live connection would have sent).
  const docs = await Promise.all((await a.store.ws.docs.storedNames()).map(n => a.store.ws.docs.get(n)))
  const count = update => { editBytes += update.length }
  for (const d of docs) d.on('update', count)
  for (let i = 0; i < RECONNECT_EDITS; i++) await edit(a.store, accounts.slice(0, 5), 'a', i)
  for (const d of docs) d.off('update', count)
  net = await star(a, [b])
  const { bytes, frames } = net.links[0].count
  await net.close()
  for (const m of [a, b]) await m.store.close()
  return { editBytes, bytes, frames, documents: accounts.length + 1 }
}

/** Median time to judge, as an editor's, the diff of ROSTER_CHANGES new members each then given another role. */
async function rosterJudge () {
  const { store } = await member('Ana Lima')
  const signer = await loadSigner(store.ws.paths.identityKey)
  const before = new Y.Doc()
  Y.applyUpdate(before, Y.encodeStateAsUpdate(store.ws.wsDoc))
  const ids = []
  for (let i = 0; i < ROSTER_CHANGES; i++) {
    const publicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString()
    const id = fingerprint(publicKey)
    ids.push(id)
    await store.roster.add({ id, name: `Member ${i}`, role: 'viewer', publicKey }, signer)
  }
  for (const id of ids) await store.roster.setRole(id, 'editor', signer)
  const update = Y.encodeStateAsUpdate(store.ws.wsDoc, Y.encodeStateVector(before))
  const target = workspaceSyncTarget(store.ws, () => 'editor')
  const times = []
  for (let i = 0; i < JUDGE_RUNS; i++) {
    const t0 = process.hrtime.bigint()
    const verdict = target.accept('workspace', before, update)
    times.push(Number(process.hrtime.bigint() - t0) / 1e6)
    if (verdict !== undefined) throw new Error(`the owner's signed roster changes were refused: ${JSON.stringify(verdict)}`)
  }
  await store.close()
  return { ms: percentile(times, 50), bytes: update.length }
}

export async function run () {
  try {
    const lat = await latency()
    const conv = await offlineConvergence()
    const rec = await reconnectBytes()
    const roster = await rosterJudge()
    return {
      figures: [
        figure('edit to remote visible p50', lat.p50, 'ms'),
        figure('edit to remote visible p95', lat.p95, 'ms', { value: 50, text: '≤ 50 ms' }),
        figure(`${MEMBERS} members × ${OFFLINE_EDITS} offline edits: converge`, conv.converged, 'ms', { value: 5000, text: '≤ 5 s' }),
        figure(`${MEMBERS} members × ${OFFLINE_EDITS} offline edits: on disk`, conv.stored, 'ms'),
        figure(`reconnect after ${RECONNECT_EDITS} edits: bytes sent`, rec.bytes, 'B'),
        figure(`reconnect after ${RECONNECT_EDITS} edits: edits' own size`, rec.editBytes, 'B'),
        figure('reconnect bytes / edits\' size', rec.bytes / rec.editBytes, '×', { value: 2, text: '≤ 2×' }),
        figure(`judge ${ROSTER_CHANGES} signed roster changes (editor/hub)`, roster.ms, 'ms', { value: 100, text: '≤ 100 ms' })
      ],
      raw: {
        latency: { samples: LATENCY_SAMPLES, p50: round(lat.p50), p95: round(lat.p95) },
        offline: { members: MEMBERS, editsEach: OFFLINE_EDITS, accounts: SHARED_ACCOUNTS, convergedMs: round(conv.converged), storedMs: round(conv.stored), frames: conv.frames, bytes: conv.bytes },
        reconnect: { edits: RECONNECT_EDITS, documents: rec.documents, frames: rec.frames, bytes: rec.bytes, editBytes: rec.editBytes },
        roster: { members: ROSTER_CHANGES, entriesChanged: ROSTER_CHANGES, updateBytes: roster.bytes, runs: JUDGE_RUNS, medianMs: round(roster.ms) }
      }
    }
  } finally {
    await Promise.all(homes.splice(0).map(h => rm(h, { recursive: true, force: true })))
  }
}
