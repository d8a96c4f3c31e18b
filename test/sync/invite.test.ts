// Invites: the code's format, and joining over loopback — a good code joins once with the invited role and
// the whole workspace; wrong, expired and reused codes fail with one clear reason and leave no workspace.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Store } from '../../src/store/index.js'
import { createInvite, decodeInvite, encodeInvite, parseTtl } from '../../src/sync/invite.js'
import { joinTeam } from '../../src/sync/join.js'
import { PeerBook } from '../../src/sync/peer/book.js'
import { tempDir } from '../helpers/home.js'
import { startNode, type TestNode } from '../helpers/peers.js'
import { newStore } from '../helpers/store.js'
import { joinedStore } from '../helpers/team.js'
import { closedAfter } from '../helpers/closed-after.js'

const keep = closedAfter('each')

async function owner () {
  const store = await newStore('Ana Lima')
  const peer = await startNode(store)
  keep(store, { close: () => peer.node.stop() })
  return { store, peer }
}

const invite = (store: Store, peer: TestNode, role: 'editor' | 'viewer' = 'editor') => createInvite(store, { role, ttlMs: 3600_000, addresses: [peer.address] })
const noWorkspace = (home: string) => !existsSync(join(home, 'workspace.json')) && !existsSync(join(home, 'db'))

describe('invite codes', () => {
  it('round-trip, and anything else is refused in words', () => {
    const code = { team: 't1', inviter: 'ABC', addresses: ['127.0.0.1:4000', '[::1]:4000'], invite: 'i1', secret: 's1', expiresAt: 1 }
    expect(decodeInvite(encodeInvite(code))).toEqual(code)
    expect(() => decodeInvite('hello')).toThrow(/not a valid invite code \(it should start with "pat1\."\)/)
    expect(() => decodeInvite(encodeInvite(code).slice(0, 30))).toThrow(/damaged or cut short/)
    expect(() => decodeInvite(encodeInvite({ ...code, addresses: ['nowhere'] }))).toThrow(/damaged or cut short/)
  })

  it('have a lifetime from one minute to thirty days', () => {
    expect(parseTtl('24h')).toBe(86_400_000)
    expect(parseTtl('30m')).toBe(1_800_000)
    for (const bad of ['0m', '31d', '1w', 'soon']) expect(() => parseTtl(bad)).toThrow(/is not a duration/)
  })

  it('are made by owners only', async () => {
    const { store, peer } = await owner()
    const editor = await joinedStore(store, 'Ed Park', 'editor')
    keep(editor)
    await expect(invite(editor, peer)).rejects.toThrow('only an owner can invite: you are an editor')
  })
})

describe('joining with an invite', () => {
  it('adds the new member with the invited role, brings the whole workspace, and remembers the inviter', async () => {
    const { store, peer } = await owner()
    const acc = await store.accounts.add({ name: 'Shared Harbor Co', iors: ['11-2223334'] })
    await store.checklist.set(acc.id, 'business.A', 'na', 'broker files')
    const { code } = await invite(store, peer, 'viewer')
    const home = await tempDir()
    const joined = await joinTeam(home, { name: 'Bo Chen', code })
    expect(joined).toMatchObject({ role: 'viewer', inviter: 'Ana Lima', team: store.ws.config.team, member: { name: 'Bo Chen' } })
    expect(store.roster.get(joined.member.id)).toMatchObject({ name: 'Bo Chen', role: 'viewer', addedBy: store.ws.member.id })
    const bo = await Store.open(home)
    keep(bo)
    expect(await bo.accounts.show(acc.id)).toEqual(await store.accounts.show(acc.id))
    expect(bo.roster.role(joined.member.id)).toBe('viewer')
    expect(await new PeerBook(bo.ws.paths.peers).list()).toEqual([expect.objectContaining({ id: store.ws.member.id, name: 'Ana Lima', address: peer.address })])
    expect(peer.log.some(l => l.includes('Bo Chen') && l.includes('joined the team as viewer'))).toBe(true)
  })

  it('refuses a reused code, and the second joiner has no workspace', async () => {
    const { store, peer } = await owner()
    const { code } = await invite(store, peer)
    await joinTeam(await tempDir(), { name: 'Bo Chen', code })
    const home = await tempDir()
    await expect(joinTeam(home, { name: 'Cy Park', code })).rejects.toThrow('this invite code has already been used: ask an owner for a new one')
    expect(noWorkspace(home)).toBe(true)
    expect(store.ws.members().map(m => m.name)).toEqual(['Ana Lima', 'Bo Chen'])
  })

  it('refuses a code with the wrong secret', async () => {
    const { store, peer } = await owner()
    const real = decodeInvite((await invite(store, peer)).code)
    const home = await tempDir()
    await expect(joinTeam(home, { name: 'Eve', code: encodeInvite({ ...real, secret: Buffer.alloc(32, 7).toString('base64url') }) }))
      .rejects.toThrow('this invite code is not valid for this team: ask an owner for a new one')
    expect(noWorkspace(home)).toBe(true)
    expect(store.ws.members()).toHaveLength(1)
  })

  it('refuses an expired code: at once when the code says so, and at the inviter when its record does', async () => {
    const { store, peer } = await owner()
    const real = decodeInvite((await invite(store, peer)).code)
    const home = await tempDir()
    await expect(joinTeam(home, { name: 'Bo', code: encodeInvite({ ...real, expiresAt: Date.now() - 1000 }) })).rejects.toThrow(/^this invite code expired at .*: ask an owner for a new one$/)
    const expiredAt = new Date(Date.now() - 60_000).toISOString()
    await store.invites.add({ id: 'old', secret: real.secret, role: 'editor', createdAt: expiredAt, expiresAt: expiredAt, createdBy: store.ws.member.id })
    await expect(joinTeam(home, { name: 'Bo', code: encodeInvite({ ...real, invite: 'old' }) })).rejects.toThrow(`this invite code expired at ${expiredAt}: ask an owner for a new one`)
    expect(noWorkspace(home)).toBe(true)
  })

  it('says plainly when the inviter cannot be reached', async () => {
    const { store, peer } = await owner()
    const { code } = await invite(store, peer)
    await peer.node.stop()
    const home = await tempDir()
    await expect(joinTeam(home, { name: 'Bo', code })).rejects.toThrow(/^cannot reach the member who invited you \(.*\): is their `pat serve` or app running\?$/)
    expect(noWorkspace(home)).toBe(true)
  })
})
