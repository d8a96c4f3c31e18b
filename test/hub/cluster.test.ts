// Two hub/ instances sharing one Redis (a throwaway redis-server on a loopback port), as behind a load
// balancer: members connected to different instances converge, live; and a member who opens a room on an
// instance that never had it gets what was synced through another instance while nobody had it open there;
// edits made while Redis is down are exchanged once it is back; and what Redis dropped (a subscriber cut off
// while an edit was published) is exchanged again as soon as the subscriber is back, without waiting for
// another change.
import { join } from 'node:path'
import { Redis as RedisClient } from 'ioredis'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/home.js'
import { hubToken, joinRoom, startHub, startRedis, waitFor } from '../helpers/hub-server.mjs'

const TEAM = 'k7m2q9x4v3w8t6p5'
let redis: Awaited<ReturnType<typeof startRedis>>
let hubs: Array<Awaited<ReturnType<typeof startHub>>> = []
let tokens: string
let dir: string
const rooms: Array<ReturnType<typeof joinRoom>> = []
const member = (hub: number, room: string, token: string, clientId: number) => { const r = joinRoom(hubs[hub]!.url, room, token, clientId); rooms.push(r); return r }
const sameState = (a: Y.Doc, b: Y.Doc) => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)))

beforeAll(async () => {
  dir = await tempDir('pat-hub-cluster-')
  tokens = join(dir, 'tokens.json')
  redis = await startRedis()
  hubs = await Promise.all([1, 2].map(i => startHub({ data: join(dir, `data-${i}`), tokens, redis: redis.url })))
}, 30_000)
afterAll(async () => {
  for (const r of rooms) r.leave()
  await Promise.all(hubs.map(h => h.close()))
  await redis?.close()
})

describe('hub instances sharing Redis', () => {
  it('relays edits between members on different instances, both ways, until they converge', async () => {
    const ana = await hubToken(tokens, TEAM, 'Ana Lima')
    const bo = await hubToken(tokens, TEAM, 'Bo Chen')
    const a = member(0, `${TEAM}/account/abc`, ana, 1)
    const b = member(1, `${TEAM}/account/abc`, bo, 2)
    await Promise.all([a.synced, b.synced])
    for (let i = 0; i < 20; i++) {
      a.doc.getMap('checklist').set(`a.${i}`, 'yes')
      b.doc.getMap('checklist').set(`b.${i}`, 'na')
    }
    a.doc.getMap('profile').set('name', 'Harbor Freight Co') // concurrent edits of one field: Yjs picks one
    b.doc.getMap('profile').set('name', 'Harbor Freight Company')
    await waitFor(() => sameState(a.doc, b.doc) && a.doc.getMap('checklist').size === 40, 10_000, 'the two members to converge')
    expect(b.doc.getMap('checklist').toJSON()).toEqual(a.doc.getMap('checklist').toJSON())
    expect(b.doc.getMap('profile').get('name')).toBe(a.doc.getMap('profile').get('name'))
    expect(hubs[0]!.output() + hubs[1]!.output()).toMatch(/listening on .* \(with Redis\)/)
  })
  it('fills a room an instance lacks from the instances that have it stored, when a member opens it', async () => {
    const ana = await hubToken(tokens, TEAM, 'Ana Lima')
    const a = member(0, `${TEAM}/account/quay`, ana, 3)
    await a.synced
    a.doc.getMap('profile').set('name', 'Quayside Imports')
    await a.settled(5000)
    a.leave() // instance 1 stores and unloads the room; instance 2 never had it
    await waitFor(() => hubs[0]!.output().includes(`unloaded ${TEAM}/account/quay`), 10_000, 'instance 1 to unload the room')

    const b = member(1, `${TEAM}/account/quay`, ana, 4)
    await b.synced
    await waitFor(() => b.doc.getMap('profile').get('name') === 'Quayside Imports', 10_000, 'instance 2 to fill the room from instance 1')
    b.doc.getMap('profile').set('kind', 'importer') // and what is added through instance 2 reaches instance 1's copy
    await b.settled(5000)
    b.leave()
    await waitFor(() => (hubs[0]!.output() + hubs[1]!.output()).split(`unloaded ${TEAM}/account/quay`).length === 4, 10_000, 'both instances to unload the room')
    const c = member(0, `${TEAM}/account/quay`, ana, 5)
    await waitFor(() => c.doc.getMap('profile').get('kind') === 'importer', 10_000, 'instance 1 to have the edit made through instance 2')
  })
  it('exchanges again what was made while Redis was down, once it is back', async () => {
    const ana = await hubToken(tokens, TEAM, 'Ana Lima')
    const a = member(0, `${TEAM}/account/pier`, ana, 6)
    const b = member(1, `${TEAM}/account/pier`, ana, 7)
    await Promise.all([a.synced, b.synced])
    await redis.close()
    a.doc.getMap('checklist').set('a', 'yes')
    b.doc.getMap('checklist').set('b', 'na')
    await Promise.all([a.settled(5000), b.settled(5000)]) // each instance has its own member's edit
    expect(a.doc.getMap('checklist').toJSON()).toEqual({ a: 'yes' })
    redis = await startRedis(redis.port)
    await waitFor(() => sameState(a.doc, b.doc), 15_000, 'the members to converge after Redis came back')
    expect(b.doc.getMap('checklist').toJSON()).toEqual({ a: 'yes', b: 'na' })
  })
  it('exchanges again what Redis dropped while an instance\'s subscriber was cut off, once it is back', async () => {
    const ana = await hubToken(tokens, TEAM, 'Ana Lima')
    const a = member(0, `${TEAM}/account/dock`, ana, 8)
    const b = member(1, `${TEAM}/account/dock`, ana, 9)
    await Promise.all([a.synced, b.synced])
    const admin = new RedisClient(redis.url)
    try {
      // Only the connections open now (the instances' publishers and this one) may stay: cut off the
      // subscribers and keep them from reconnecting, so what is published meanwhile reaches no one.
      await admin.config('SET', 'maxclients', String(String(await admin.client('LIST')).trim().split('\n').filter(l => !/ sub=[1-9]/.test(l)).length))
      await admin.client('KILL', 'TYPE', 'pubsub')
      a.doc.getMap('checklist').set('a', 'yes')
      await a.settled(5000)
      await new Promise(resolve => setTimeout(resolve, 300))
      expect(b.doc.getMap('checklist').toJSON()).toEqual({}) // published to nobody: lost
      await admin.config('SET', 'maxclients', '10000')
      await waitFor(() => sameState(a.doc, b.doc), 5000, 'the members to converge once the subscribers are back') // well before the 10 s resync
      expect(b.doc.getMap('checklist').toJSON()).toEqual({ a: 'yes' })
    } finally {
      admin.disconnect()
    }
  })
})
