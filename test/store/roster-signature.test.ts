// Owner-signed roster changes (store/member-signature.ts, store/roster-check.ts): what an owner changes in the
// roster reaches a member through a source judged as an editor (another editor, a hub) and is taken; a forged,
// replayed or tampered entry is refused with its reason and changes nothing.
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { workspaceSyncTarget, type MemberRecord, type Store } from '../../src/store/index.js'
import { signatureHolds, writeSignedMember } from '../../src/store/member-signature.js'
import { workspaceRoots } from '../../src/store/schema.js'
import { fingerprint, signerOf } from '../../src/sync/identity.js'
import { judgeAndApply } from '../../src/sync/judge.js'
import { newStore, syncStores } from '../helpers/store.js'
import { REFUSED, forgedRoster as forged, relay } from '../helpers/relay.js'
import { joinedStore, keepStores, signer } from '../helpers/team.js'

const keep = keepStores()

/** Ana (owner) and Bo (editor), both holding the workspace. */
async function team () {
  const ana = keep(await newStore('Ana Lima'))
  const bo = keep(await joinedStore(ana, 'Bo Chen', 'editor'))
  return { ana, bo }
}

/** A key pair that is in nobody's roster. */
function stranger (name: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
  const id = fingerprint(publicKeyPem)
  return { entry: { id, name, role: 'owner' as const, publicKey: publicKeyPem, addedAt: '2026-12-01T00:00:00.000Z', addedBy: id }, signer: signerOf({ id, publicKeyPem, privateKey }) }
}

const teamId = (s: Store) => s.ws.config.team.id

/** Expects `to` to refuse what `doc` brings with `reason`, its roster and documents unchanged. */
function expectRefused (doc: Y.Doc, to: Store, reason: string): void {
  const before = Y.encodeStateAsUpdate(to.ws.wsDoc)
  expect(relay(doc, to)).toBe(REFUSED + reason)
  expect(Y.encodeStateAsUpdate(to.ws.wsDoc)).toEqual(before)
}

describe('owner-signed roster changes through an editor or a hub', () => {
  it('signs every entry an owner writes on its own item, the founding owner\'s included', async () => {
    const { ana, bo } = await team()
    await ana.roster.setRole('Bo Chen', 'viewer', await signer(ana))
    const members = workspaceRoots(ana.ws.wsDoc).members
    const key = ana.roster.get(ana.ws.member.id)!.publicKey
    for (const m of ana.ws.members()) {
      expect(m).toMatchObject({ seq: m.id === bo.ws.member.id ? 2 : 1, signedBy: ana.ws.member.id })
      expect(signatureHolds(teamId(ana), members._map.get(m.id)!.id, m, key)).toBe(true)
      expect(signatureHolds('another-team', members._map.get(m.id)!.id, m, key)).toBe(false)
    }
  })

  it('takes an owner\'s new member, role change and removal, each signed with the next seq', async () => {
    const { ana, bo } = await team()
    const cy = stranger('Cy Park')
    await ana.roster.add({ ...cy.entry, role: 'viewer' }, await signer(ana))
    expect(relay(ana.ws.wsDoc, bo)).toBeUndefined()
    expect(bo.roster.get(cy.entry.id)).toMatchObject({ name: 'Cy Park', role: 'viewer', seq: 1, signedBy: ana.ws.member.id })

    await ana.roster.setRole('Cy Park', 'editor', await signer(ana))
    expect(relay(ana.ws.wsDoc, bo)).toBeUndefined()
    expect(bo.roster.get(cy.entry.id)).toMatchObject({ role: 'editor', seq: 2 })

    await ana.roster.remove('Cy Park', await signer(ana))
    await ana.roster.setRole('Bo Chen', 'viewer', await signer(ana))
    expect(relay(ana.ws.wsDoc, bo)).toBeUndefined()
    expect(bo.roster.get(cy.entry.id)).toMatchObject({ removed: true, seq: 3 })
    expect(bo.roster.refusal(cy.entry.id)).toBe('not a member of this team (removed by an owner)')
    expect(bo.roster.role(bo.ws.member.id)).toBe('viewer')
    expect(bo.ws.members()).toEqual(ana.ws.members())
  })

  it('takes changes signed by an owner whom the same update makes an owner', async () => {
    const { ana, bo } = await team()
    const cy = keep(await joinedStore(ana, 'Cy Park', 'editor'))
    await ana.roster.setRole('Cy Park', 'owner', await signer(ana))
    await syncStores(ana, cy)
    const dee = stranger('Dee Moss')
    await cy.roster.add({ ...dee.entry, role: 'editor' }, await signer(cy))
    await syncStores(ana, cy)
    // Bo has seen none of it: Cy's own entry, her promotion and her new member arrive at once.
    expect(relay(ana.ws.wsDoc, bo)).toBeUndefined()
    expect(bo.roster.role(cy.ws.member.id)).toBe('owner')
    expect(bo.roster.get(dee.entry.id)).toMatchObject({ role: 'editor', signedBy: cy.ws.member.id })
  })

  it('refuses an unsigned entry, a bad signature, and entries signed by an editor or by a newcomer for itself (even one naming an owner as who added it)', async () => {
    const { ana, bo } = await team()
    const mal = stranger('Mallory')
    const boSigner = await signer(bo)
    const cases: Array<[string, (m: Y.Map<MemberRecord>, doc: Y.Doc) => void]> = [
      ['the roster entry for Mallory is not signed by an owner', m => m.set(mal.entry.id, mal.entry)],
      ['the roster entry for Mallory does not match its signature', m => m.set(mal.entry.id, { ...mal.entry, seq: 1, signedBy: ana.ws.member.id, signature: Buffer.alloc(64, 7).toString('base64') })],
      ['the roster entry for Bo Chen is signed by Bo Chen, who is not an owner here', (m, doc) => writeSignedMember(doc, m, teamId(ana), { ...m.get(bo.ws.member.id)!, role: 'owner' }, m.get(bo.ws.member.id), boSigner)],
      ['the roster entry for Mallory is signed by Mallory, who is not an owner here', (m, doc) => writeSignedMember(doc, m, teamId(ana), mal.entry, undefined, mal.signer)],
      ['the roster entry for Mallory is signed by Mallory, who is not an owner here', (m, doc) => writeSignedMember(doc, m, teamId(ana), { ...mal.entry, addedBy: ana.ws.member.id }, undefined, mal.signer)]
    ]
    for (const [reason, tamper] of cases) expectRefused(forged(bo, tamper), bo, reason)
    expect(bo.roster.get(mal.entry.id)).toBeUndefined()
    expect(bo.roster.role(bo.ws.member.id)).toBe('editor')
  })

  it('refuses an entry signed by an owner who has since been removed', async () => {
    const { ana, bo } = await team()
    const cy = keep(await joinedStore(ana, 'Cy Park', 'editor'))
    await ana.roster.setRole('Cy Park', 'owner', await signer(ana))
    await syncStores(ana, cy)
    await ana.roster.remove('Cy Park', await signer(ana))
    expect(relay(ana.ws.wsDoc, bo)).toBeUndefined() // Bo learns of Cy's promotion and removal
    const mal = stranger('Mallory') // Cy, whose copy still says she is an owner, adds a member
    await cy.roster.add({ ...mal.entry, role: 'editor' }, await signer(cy))
    expectRefused(cy.ws.wsDoc, bo, 'the roster entry for Mallory is signed by Cy Park, who is not an owner here')
  })

  it('refuses changes signed by an owner whom the same update removes', async () => {
    const { ana, bo } = await team()
    const cy = keep(await joinedStore(ana, 'Cy Park', 'editor'))
    await ana.roster.setRole('Cy Park', 'owner', await signer(ana))
    await syncStores(ana, cy)
    expect(relay(ana.ws.wsDoc, bo)).toBeUndefined() // Bo knows Cy as an owner
    const mal = stranger('Mallory')
    await cy.roster.add({ ...mal.entry, role: 'editor' }, await signer(cy))
    await ana.roster.remove('Cy Park', await signer(ana))
    await syncStores(ana, cy)
    // Judged whole it is refused; split by writer (issue 15, point 3), Ana's removal of Cy is let in and Cy's
    // entry for Mallory — which would pass alone, before the removal — is refused with the whole's reason.
    const aside: string[] = []
    const target = workspaceSyncTarget(bo.ws, () => 'editor')
    expect(judgeAndApply('workspace', bo.ws.wsDoc, Y.encodeStateAsUpdate(ana.ws.wsDoc, Y.encodeStateVector(bo.ws.wsDoc)), target.accept, () => ({ origin: 'remote' }), (_n, _p, reason) => aside.push(reason))).toBeUndefined()
    expect(aside).toEqual([REFUSED + 'the roster entry for Mallory is signed by Cy Park, who is not an owner here'])
    expect(bo.roster.get(mal.entry.id)).toBeUndefined()
    expect(bo.roster.refusal(cy.ws.member.id)).toBe('not a member of this team (removed by an owner)')
  })

  it('lets in a concurrent value that loses last-writer-wins beside an owner\'s entry (it changes nothing), and judges one that would win', async () => {
    for (const [client, verdict] of [[1, undefined], [2 ** 32 - 1, REFUSED + 'the roster entry for Bo Chen is not signed by an owner']] as const) {
      const { ana, bo } = await team()
      const hub = forged(bo, () => undefined) // made before the owner's next change, so its value is concurrent with it
      hub.clientID = client
      await ana.roster.setRole('Bo Chen', 'viewer', await signer(ana))
      expect(relay(ana.ws.wsDoc, bo)).toBeUndefined()
      const members = bo.ws.members()
      const { seq: _q, signedBy: _b, signature: _s, ...unsigned } = bo.roster.get(bo.ws.member.id)!
      workspaceRoots(hub).members.set(bo.ws.member.id, { ...unsigned, role: 'owner' })
      expect(relay(hub, bo)).toBe(verdict)
      expect(Y.decodeStateVector(Y.encodeStateVector(bo.ws.wsDoc)).has(client)).toBe(verdict === undefined) // applied only if let in
      expect(bo.ws.members()).toEqual(members)
    }
  })

  it('refuses a replayed older entry (a removed member back) and the current entry copied again', async () => {
    const { ana, bo } = await team()
    const cy = stranger('Cy Park')
    await ana.roster.add({ ...cy.entry, role: 'editor' }, await signer(ana))
    const added = ana.roster.get(cy.entry.id)!
    await ana.roster.remove('Cy Park', await signer(ana))
    expect(relay(ana.ws.wsDoc, bo)).toBeUndefined()
    expectRefused(forged(bo, m => m.set(cy.entry.id, added)), bo, 'the roster entry for Cy Park is not newer than the one here (seq 1, here 2)')
    expectRefused(forged(bo, m => m.set(cy.entry.id, { ...m.get(cy.entry.id)! })), bo, 'the roster entry for Cy Park is not newer than the one here (seq 2, here 2)')
    expect(bo.roster.refusal(cy.entry.id)).toBe('not a member of this team (removed by an owner)')
  })

  it('refuses a tampered entry: content changed under the owner\'s signature, a signed entry moved to another item or member, a swapped key', async () => {
    const { ana, bo } = await team()
    const anaSigner = await signer(ana)
    await ana.roster.setRole('Bo Chen', 'viewer', anaSigner)
    const signed = ana.roster.get(bo.ws.member.id)! // Bo has not had it yet
    const mal = stranger('Mallory')
    expectRefused(forged(bo, m => m.set(bo.ws.member.id, { ...signed, role: 'owner' })), bo, 'the roster entry for Bo Chen does not match its signature')
    expectRefused(forged(bo, m => m.set(bo.ws.member.id, signed)), bo, 'the roster entry for Bo Chen does not match its signature')
    expectRefused(forged(bo, m => m.set(mal.entry.id, { ...signed, id: mal.entry.id })), bo, 'the roster entry for Bo Chen does not match its signature')
    expectRefused(forged(bo, m => m.set(mal.entry.id, signed)), bo, `the roster entry "${mal.entry.id}" is malformed (its id is not its key)`)
    const anaEntry = bo.roster.get(ana.ws.member.id)!
    expectRefused(forged(bo, (m, doc) => writeSignedMember(doc, m, teamId(ana), { ...anaEntry, publicKey: mal.entry.publicKey }, anaEntry, { id: ana.ws.member.id, sign: mal.signer.sign })),
      bo, 'the roster entry for Ana Lima changes the member\'s key')
    const boEntry = bo.roster.get(bo.ws.member.id)!
    expectRefused(forged(bo, (m, doc) => writeSignedMember(doc, m, 'another-team', { ...boEntry, role: 'viewer' }, boEntry, anaSigner)),
      bo, 'the roster entry for Bo Chen does not match its signature') // signed by the owner, for another team
    expect(bo.roster.role(bo.ws.member.id)).toBe('editor')
    expect(relay(ana.ws.wsDoc, bo)).toBeUndefined() // the owner's own item, as signed
    expect(bo.roster.role(bo.ws.member.id)).toBe('viewer')
  })

  it('merges concurrent edits as before: the owner\'s roster change and account edits on both sides', async () => {
    const { ana, bo } = await team()
    const anaCo = await ana.accounts.add({ name: 'Ana Co' })
    const boCo = await bo.accounts.add({ name: 'Bo Co' })
    await ana.roster.add({ ...stranger('Cy Park').entry, role: 'viewer' }, await signer(ana))
    expect(relay(ana.ws.wsDoc, bo)).toBeUndefined()
    expect(judgeAndApply('workspace', ana.ws.wsDoc, Y.encodeStateAsUpdate(bo.ws.wsDoc, Y.encodeStateVector(ana.ws.wsDoc)), workspaceSyncTarget(ana.ws, () => 'editor').accept, () => ({ origin: 'remote' }))).toBeUndefined()
    for (const s of [ana, bo]) expect(s.ws.headers().map(h => h.id).sort()).toEqual([anaCo.id, boCo.id].sort())
    expect(bo.ws.members()).toEqual(ana.ws.members())
    expect(Y.encodeStateVector(bo.ws.wsDoc)).toEqual(Y.encodeStateVector(ana.ws.wsDoc))
  })
})
