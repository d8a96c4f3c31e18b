// The vouch wire format (store/vouch.ts) and the vouches document's rule (store/vouches.ts): a round trip, and
// every way a vouch is refused — truncated, an unknown version, trailing bytes, a wrong signature, another
// team's, in another member's or document's place, a replay of an older one, and a viewer's that counts for
// nothing when the coverage of a document is computed.
import { generateKeyPairSync, sign } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Signer } from '../../src/store/member-signature.js'
import type { MemberRecord } from '../../src/store/schema.js'
import { readVouch, signVouch, VouchError, vouchRefusal, writeVouch, type VouchBody } from '../../src/store/vouch.js'
import { coverage, unvouched, vouchesMap, vouchesRefusal, vouchKey } from '../../src/store/vouches.js'
import { workspaceRoots } from '../../src/store/schema.js'
import { fingerprint } from '../../src/sync/identity.js'
import { newStore } from '../helpers/store.js'
import { signer as storeSigner } from '../helpers/team.js'
import type { Store } from '../../src/store/index.js'

function keyPair (): { signer: Signer, publicKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
  return { signer: { id: fingerprint(pem), sign: data => sign(null, data, privateKey) }, publicKey: pem }
}

const body = (member: string, over: Partial<VouchBody> = {}): VouchBody => ({
  team: 'team-1',
  doc: 'account/a-1',
  member,
  seq: 5,
  clients: new Map([[7, 12], [3, 40]]),
  deletes: new Map([[3, [{ clock: 0, len: 2 }, { clock: 9, len: 1 }]]]),
  ...over
})

describe('the vouch wire format', () => {
  const { signer, publicKey } = keyPair()

  it('round-trips and verifies with the member\'s key', () => {
    const v = signVouch(body(signer.id), signer)
    const back = readVouch(writeVouch(v))
    expect(back).toEqual({ ...v, clients: new Map([[3, 40], [7, 12]]), signature: back.signature })
    expect(Buffer.from(back.signature)).toEqual(Buffer.from(v.signature))
    expect(vouchRefusal(back, 'team-1', publicKey)).toBeUndefined()
  })

  it('refuses a truncated vouch, an unknown version and bytes after the signature, each in one line', () => {
    const bytes = writeVouch(signVouch(body(signer.id), signer))
    for (const cut of [1, 10, bytes.length - 1]) expect(() => readVouch(bytes.slice(0, cut))).toThrow(VouchError)
    expect(() => readVouch(bytes.slice(0, 10))).toThrow(/^a vouch that does not decode/)
    const v2 = Uint8Array.from(bytes)
    v2[0] = 2
    expect(() => readVouch(v2)).toThrow(new VouchError('unknown vouch version 2'))
    expect(() => readVouch(Uint8Array.from([...bytes, 0]))).toThrow('bytes after the vouch\'s signature')
    expect(() => readVouch(new Uint8Array())).toThrow(VouchError)
  })

  it('refuses a wrong signature, another member\'s key and another team', () => {
    const v = readVouch(writeVouch(signVouch(body(signer.id), signer)))
    expect(vouchRefusal({ ...v, clients: new Map([[7, 99], [3, 40]]) }, 'team-1', publicKey)).toBe('a vouch whose signature does not match the member\'s key')
    expect(vouchRefusal(v, 'team-1', keyPair().publicKey)).toBe('a vouch whose signature does not match the member\'s key')
    expect(vouchRefusal(v, 'team-2', publicKey)).toBe('a vouch of another team')
    expect(vouchRefusal(v, 'team-1', 'not a key')).toBe('a vouch whose signature does not match the member\'s key')
    expect(() => signVouch(body('someone-else'), signer)).toThrow('a vouch is signed by its own member')
  })
})

describe('the vouches document', () => {
  const stores: Store[] = []
  afterAll(async () => { for (const s of stores) await s.close() })

  /** Ana (owner), Bo (editor) and Cy (viewer), with keys, in Ana's roster. */
  async function team () {
    const ana = await newStore('Ana Lima')
    stores.push(ana)
    const bo = keyPair()
    const cy = keyPair()
    const by = await storeSigner(ana)
    await ana.roster.add({ id: bo.signer.id, name: 'Bo Chen', role: 'editor', publicKey: bo.publicKey }, by)
    await ana.roster.add({ id: cy.signer.id, name: 'Cy Park', role: 'viewer', publicKey: cy.publicKey }, by)
    const teamId = ana.ws.config.team.id
    const members = workspaceRoots(ana.ws.wsDoc).members as Y.Map<MemberRecord>
    const vouches = new Y.Doc()
    /** An update setting `key` to `bytes` on top of `vouches` (a hub's, say). */
    const put = (key: string, bytes: Uint8Array) => {
      const copy = new Y.Doc()
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(vouches))
      const before = Y.encodeStateVector(copy)
      vouchesMap(copy).set(key, bytes)
      return Y.encodeStateAsUpdate(copy, before)
    }
    const judge = (update: Uint8Array) => vouchesRefusal(vouches, update, teamId, members)
    return { ana, bo, cy, teamId, members, vouches, put, judge }
  }

  it('takes a member\'s signed vouch and refuses forged, misplaced, other-team and replayed ones', async () => {
    const { bo, cy, teamId, vouches, put, judge } = await team()
    const key = vouchKey('account/a-1', bo.signer.id)
    const good = writeVouch(signVouch(body(bo.signer.id, { team: teamId }), bo.signer))
    const update = put(key, good)
    expect(judge(update)).toBeUndefined()
    Y.applyUpdate(vouches, update)

    const forged = writeVouch({ ...signVouch(body(cy.signer.id, { team: teamId, seq: 9 }), cy.signer), member: bo.signer.id })
    expect(judge(put(key, forged))).toMatch(/^a vouch whose signature does not match the member's key/)
    expect(judge(put(vouchKey('account/a-2', bo.signer.id), good))).toMatch(/^a vouch for account\/a-1 by .* in another's place/)
    expect(judge(put(key, writeVouch(signVouch(body(bo.signer.id, { team: 'other-team', seq: 9 }), bo.signer))))).toMatch(/^a vouch of another team/)
    expect(judge(put(key, writeVouch(signVouch(body(bo.signer.id, { team: teamId, seq: 5 }), bo.signer))))).toMatch(/a replay$/)
    expect(judge(put(key, Uint8Array.from([1, 2, 3])))).toMatch(/^a vouch that does not decode/)
    expect(judge(put(key, writeVouch(signVouch(body(bo.signer.id, { team: teamId, seq: 6 }), bo.signer))))).toBeUndefined()
    const stranger = keyPair()
    expect(judge(put(vouchKey('account/a-1', stranger.signer.id), writeVouch(signVouch(body(stranger.signer.id, { team: teamId }), stranger.signer))))).toEqual({ wait: true })
  })

  it('counts the vouches of members who may write: a viewer\'s covers nothing', async () => {
    const { ana, bo, cy, teamId, vouches } = await team()
    const map = vouchesMap(vouches)
    map.set(vouchKey('account/a-1', bo.signer.id), writeVouch(signVouch(body(bo.signer.id, { team: teamId, clients: new Map([[7, 12]]), deletes: new Map() }), bo.signer)))
    map.set(vouchKey('account/a-1', cy.signer.id), writeVouch(signVouch(body(cy.signer.id, { team: teamId, clients: new Map([[8, 50]]) }), cy.signer)))
    const cov = coverage(vouches, ana.ws.wsDoc, 'account/a-1')
    expect(cov.clients).toEqual(new Map([[7, 12]]))
    const write = (client: number, n: number) => {
      const d = new Y.Doc()
      d.clientID = client
      const a = d.getArray<number>('x')
      for (let i = 0; i < n; i++) a.push([i])
      return Y.encodeStateAsUpdate(d)
    }
    expect(unvouched(cov, write(7, 12))).toBeUndefined()
    expect(unvouched(cov, write(7, 13))).toBe('no member who may write vouches for client 7 up to clock 13')
    expect(unvouched(cov, write(8, 1))).toBe('no member who may write vouches for client 8 up to clock 1') // Cy's vouch counts for nothing
    await ana.roster.setRole('Bo Chen', 'viewer', await storeSigner(ana))
    expect(coverage(vouches, ana.ws.wsDoc, 'account/a-1').clients.size).toBe(0) // nor does a demoted member's
  })
})
