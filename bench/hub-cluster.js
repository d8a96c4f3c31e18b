// @ts-check
// The team hub (hub/, Hocuspocus) as a cluster: two instances linked by a throwaway redis-server on 127.0.0.1,
// each run from its own bin like an operator would, and MEMBERS simulated members — stock @hocuspocus/provider
// clients over plain Y.Docs, each its own client id and token, half on each instance — all in one shared room.
// Every member makes EDITS edits (profile fields, checklist answers, contacts), each its own Yjs update:
//  - live: a round of one edit each every ROUND_MS, so edits flow while others are still editing, as when a
//    whole team works on one account; from the last member's last edit until all replicas hold the same state
//  - at once: then EDITS more each, all made without yielding (members coming back online with a backlog, or
//    a worst-case burst); from the last edit until all replicas hold the same state
//  - the hub processes' memory afterwards (resident and peak resident, from /proc)
// Goals: live edits should look live to the team (≤ 1 s after the last one, with 20 people typing); a backlog
// of 4,000 edits should settle as fast as the peer-to-peer suite asks of 5,000 offline edits (≤ 5 s); an
// instance should fit a small VM next to others (≤ 256 MiB peak).
import { mkdtemp, rm } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { addToken } from '../hub/lib/tokens.js'
import { joinRoom, startHub, startRedis, waitFor } from '../test/helpers/hub-server.mjs'
import { figure, round } from './stats.js'

const MEMBERS = 20
const EDITS = 200
const ROUND_MS = 5
const TEAM = 'benchteam0000001'
const ROOM = `${TEAM}/account/bench`

/** Resident and peak resident memory of a process, in MiB (Linux /proc). */
function memoryMiB (pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = key => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1])
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 }
}

/** The i-th edit of member m: one field, answer or contact at a time, each its own Yjs transaction. */
function edit (doc, m, i) {
  switch (i % 3) {
    case 0: return doc.getMap('profile').set(`notes.${m}`, `member ${m} note ${i}`)
    case 1: return doc.getMap('checklist').set(`item.${i % 40}`, { by: m, answer: i % 2 ? 'yes' : 'na' })
    default: return doc.getArray('contacts').push([`member ${m} contact ${i}`])
  }
}

const vector = doc => Buffer.from(Y.encodeStateVector(doc)).toString('base64')

/**
 * Every member makes EDITS edits (numbered from `from`), one round of one edit each every `roundMs` (0: all at
 * once, without yielding); then waits until every replica holds the same state, and checks that it holds
 * every contact added so far.
 */
async function editAndConverge (members, from, roundMs) {
  const start = performance.now()
  let lastEdit = start
  for (let i = from; i < from + EDITS; i++) {
    if (i > from && roundMs) await new Promise(resolve => setTimeout(resolve, roundMs))
    for (let m = 0; m < members.length; m++) edit(members[m].doc, m, i)
    lastEdit = performance.now()
  }
  await waitFor(() => { const v = vector(members[0].doc); return members.every(r => vector(r.doc) === v) }, 30_000, `${members.length} members to converge`, 2)
  const converged = performance.now() - lastEdit
  const contacts = members[0].doc.getArray('contacts').length
  const expected = members.length * Math.floor((from + EDITS) / 3) // every third edit (i % 3 === 2) adds a contact
  if (contacts !== expected) throw new Error(`converged with ${contacts} contacts, not ${expected}`)
  return { converged, editing: lastEdit - start }
}

export async function run () {
  const dir = await mkdtemp(join(tmpdir(), 'pat-bench-hub-'))
  const stops = []
  try {
    const tokens = join(dir, 'tokens.json')
    const redis = await startRedis()
    stops.push(redis.close)
    const hub = i => startHub({ data: join(dir, `data-${i}`), tokens, redis: redis.url })
    const hubs = await Promise.all([hub(1), hub(2)])
    stops.push(() => Promise.all(hubs.map(h => h.close())))

    const members = []
    for (let m = 0; m < MEMBERS; m++) {
      const { token } = addToken(tokens, { team: TEAM, member: `Member ${m}` })
      const room = joinRoom(hubs[m % 2 === 0 ? 0 : 1].url, ROOM, token, 1000 + m)
      stops.push(room.leave)
      members.push(room)
    }
    const t0 = performance.now()
    await waitFor(() => members.every(r => r.provider.isSynced), 20_000, `${MEMBERS} members to sync with the hub`)
    const joined = performance.now() - t0

    const live = await editAndConverge(members, 0, ROUND_MS)
    const burst = await editAndConverge(members, EDITS, 0)
    const memory = hubs.map(h => memoryMiB(h.pid))
    return {
      figures: [
        figure(`${MEMBERS} members × ${EDITS} edits live: last edit to converged`, live.converged, 'ms', { value: 1000, text: '≤ 1 s' }),
        figure(`live: time to make the ${MEMBERS * EDITS} edits`, live.editing, 'ms'),
        figure(`${MEMBERS} members × ${EDITS} edits at once: to converged`, burst.converged, 'ms', { value: 5000, text: '≤ 5 s' }),
        figure(`${MEMBERS} members joined (first sync)`, joined, 'ms'),
        figure('hub instance memory, resident (larger)', Math.max(...memory.map(x => x.rss)), 'MiB'),
        figure('hub instance memory, peak resident (larger)', Math.max(...memory.map(x => x.peak)), 'MiB', { value: 256, text: '≤ 256 MiB' })
      ],
      raw: {
        members: MEMBERS,
        editsEach: EDITS,
        roundMs: ROUND_MS,
        joinedMs: round(joined),
        live: { convergedMs: round(live.converged), editingMs: round(live.editing) },
        burst: { convergedMs: round(burst.converged), editingMs: round(burst.editing) },
        memoryMiB: memory.map(x => ({ rss: round(x.rss, 1), peak: round(x.peak, 1) }))
      }
    }
  } finally {
    for (const stop of stops.reverse()) await stop()
    await rm(dir, { recursive: true, force: true })
  }
}
