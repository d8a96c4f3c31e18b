// Renaming: a member renames themselves (their own roster entry, signed with their own key) and an owner
// renames the team (an owner-signed record, store/team-name.ts); both reach every replica — over a live link
// judged by each side's roster, and through a member judged as an editor (another editor, a hub) — and new
// activity entries carry the new name. What a member may not do under cover of a rename is refused.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { MemberRecord } from '../../src/store/index.js'
import { writeSignedMember } from '../../src/store/member-signature.js'
import { workspaceRoots } from '../../src/store/schema.js'
import { writeTeamName } from '../../src/store/team-name.js'
import { newStore } from '../helpers/store.js'
import { REFUSED, forged, relay } from '../helpers/relay.js'
import { joinedStore, keepStores, rosterLink, signer } from '../helpers/team.js'

const keep = keepStores()

/** Ana (owner), Bo (editor) and Cy (viewer), each holding the workspace. */
async function team () {
  const ana = keep(await newStore('Ana Lima'))
  const bo = keep(await joinedStore(ana, 'Bo Chen', 'editor'))
  const cy = keep(await joinedStore(ana, 'Cy Park', 'viewer'))
  return { ana, bo, cy }
}

describe('a member renames themselves', () => {
  it('an editor\'s new name reaches the owner over a live link, and their new activity entries carry it', async () => {
    const { ana, bo } = await team()
    const id = await (await bo.accounts.add({ name: 'Harbor Imports' })).id
    await bo.accounts.set(id, { leadPort: 'Savannah' })
    const entry = await bo.roster.renameSelf('  Bo   Chen-Ito ', await signer(bo))
    expect(entry).toMatchObject({ name: 'Bo Chen-Ito', role: 'editor', signedBy: bo.ws.member.id, seq: 2 })
    expect(bo.ws.member.name).toBe('Bo Chen-Ito')
    await bo.accounts.set(id, { leadPort: 'Miami' })
    const link = rosterLink(ana, bo)
    expect(await link.run()).toBe(true)
    link.close()
    expect(link.errors).toEqual([])
    expect(ana.roster.get(bo.ws.member.id)).toMatchObject({ name: 'Bo Chen-Ito', role: 'editor' })
    const log = await ana.ws.log(id)
    expect(log.slice(-2).map(e => e.byName)).toEqual(['Bo Chen', 'Bo Chen-Ito']) // older entries keep the name they were made with
  })

  it('a viewer\'s new name gets through (its account edits still do not), and an editor relays it to the owner', async () => {
    const { ana, bo, cy } = await team()
    expect(relay(ana.ws.wsDoc, bo, 'owner')).toBeUndefined() // Bo learns that Cy joined
    await cy.roster.renameSelf('Cyrus Park', await signer(cy))
    expect(relay(cy.ws.wsDoc, bo, 'viewer')).toBeUndefined()
    expect(relay(bo.ws.wsDoc, ana, 'editor')).toBeUndefined()
    expect(ana.roster.get(cy.ws.member.id)?.name).toBe('Cyrus Park')
    const sneaky = forged(cy, doc => { workspaceRoots(doc).accounts.set('x', new Y.Map()) })
    expect(relay(sneaky, ana, 'viewer')).toBe('a viewer may not change the workspace')
  })

  it('refuses a self-signed entry that changes more than the name, or renames someone else', async () => {
    const { ana, bo } = await team()
    const boSigner = await signer(bo)
    const teamId = ana.ws.config.team.id
    const self = (change: (m: MemberRecord) => MemberRecord, whose = bo.ws.member.id) => forged(bo, doc => {
      const members = workspaceRoots(doc).members
      const m = members.get(whose)!
      doc.transact(() => writeSignedMember(doc, members, teamId, change(m), m, boSigner))
    })
    const before = Y.encodeStateAsUpdate(ana.ws.wsDoc)
    expect(relay(self(m => ({ ...m, name: 'Bo', role: 'owner' })), ana)).toBe(REFUSED + 'the roster entry for Bo is signed by Bo, who is not an owner here')
    expect(relay(self(m => ({ ...m, name: 'Ana the former', role: m.role }), ana.ws.member.id), ana)).toBe(REFUSED + 'the roster entry for Ana the former is signed by Bo Chen, who is not an owner here')
    expect(relay(self(m => ({ ...m, removed: true })), ana)).toBe(REFUSED + 'the roster entry for Bo Chen is signed by Bo Chen, who is not an owner here')
    expect(Y.encodeStateAsUpdate(ana.ws.wsDoc)).toEqual(before)
  })

  it('refuses an empty name, control characters and a name longer than 80 characters', async () => {
    const { bo } = await team()
    const s = await signer(bo)
    await expect(bo.roster.renameSelf('   ', s)).rejects.toThrow('your name cannot be empty')
    await expect(bo.roster.renameSelf('Bo\u001b[31m', s)).rejects.toThrow('your name cannot contain control characters')
    await expect(bo.roster.renameSelf('x'.repeat(81), s)).rejects.toThrow('your name is 81 characters long: keep it to 80')
    expect(bo.ws.member.name).toBe('Bo Chen')
  })
})

describe('an owner renames the team', () => {
  it('reaches an editor directly and a viewer through that editor; the owner\'s workspace.json follows', async () => {
    const { ana, bo, cy } = await team()
    expect(await ana.roster.renameTeam('Savannah PAT', await signer(ana))).toBe(true)
    expect(ana.ws.config.team.name).toBe('Savannah PAT')
    expect(relay(ana.ws.wsDoc, bo, 'owner')).toBeUndefined()
    expect(relay(bo.ws.wsDoc, cy, 'editor')).toBeUndefined()
    expect([bo.roster.teamName(), cy.roster.teamName()]).toEqual(['Savannah PAT', 'Savannah PAT'])
    await ana.roster.renameTeam('Savannah & Brunswick PAT', await signer(ana))
    expect(relay(ana.ws.wsDoc, cy, 'editor')).toBeUndefined() // a second rename, seq 2, through a hub judged as an editor
    expect(cy.roster.teamName()).toBe('Savannah & Brunswick PAT')
  })

  it('is for owners only, and an editor\'s own rename of the team is refused by peers', async () => {
    const { ana, bo } = await team()
    await expect(bo.roster.renameTeam('Bo\'s team', await signer(bo))).rejects.toThrow('only an owner can change the team: you are an editor')
    const boSigner = await signer(bo)
    const teamId = ana.ws.config.team.id
    const signedByBo = forged(bo, doc => { const { team } = workspaceRoots(doc); doc.transact(() => writeTeamName(doc, team, teamId, 'Bo\'s team', boSigner)) })
    expect(relay(signedByBo, ana)).toBe(REFUSED + 'the team\'s new name is not signed by an owner here')
    const plain = forged(bo, doc => { workspaceRoots(doc).team.set('name', 'Bo\'s team') })
    expect(relay(plain, ana)).toBe('only an owner may change the team or its roster')
    expect(ana.roster.teamName()).toBe('Ana Lima\'s team')
  })
})
