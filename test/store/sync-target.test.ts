// The roster's authority over what peers may change (store/sync-target.ts): an owner anything, an editor
// everything but the team and the roster, a viewer nothing — refused before the update touches a document.
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import { describe, expect, it } from 'vitest'
import { bringsChanges, setAsideBook, SKIP, WAIT, workspaceSyncTarget, type Role } from '../../src/store/index.js'
import { workspaceRoots } from '../../src/store/schema.js'
import { writeSyncFrame } from '../../src/sync/frames.js'
import { SyncSession } from '../../src/sync/session.js'
import { newStore } from '../helpers/store.js'
import { joinedStore, rosterLink, signer } from '../helpers/team.js'

/**
 * A replica's text: 1:0 'a', then 2:0 'b' inserted after it; and a forged update that sends 2:0 again, but
 * inserted after 3:0 — an item nobody has — encoded against {3: 1} so that 3:0 itself is left out. With
 * `more`, client 2 goes on with 2:1 'c' after 2:0, which the replica lacks.
 */
function forgery (more: boolean) {
  const replica = new Y.Doc()
  replica.clientID = 1
  replica.getText('t').insert(0, 'a')
  const two = new Y.Doc()
  two.clientID = 2
  Y.applyUpdate(two, Y.encodeStateAsUpdate(replica))
  two.getText('t').insert(1, 'b')
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(two))
  const forger = new Y.Doc()
  forger.clientID = 3
  forger.getText('t').insert(0, 'x')
  forger.clientID = 2
  forger.getText('t').insert(1, more ? 'bc' : 'b')
  return { state: Y.encodeStateAsUpdate(replica), update: Y.encodeStateAsUpdate(forger, Y.encodeStateVector(new Map([[3, 1]]))) }
}

describe('roster authority over peer updates', () => {
  it('refuses a viewer\'s edit, leaving the owner\'s documents untouched', async () => {
    const owner = await newStore('Ana Lima')
    const acc = await owner.accounts.add({ name: 'Harbor Co' })
    const viewer = await joinedStore(owner, 'Vi Tran', 'viewer')
    await viewer.plan.items.add(acc.id, { title: 'sneaky item', priority: 'high' })
    const before = await owner.accounts.show(acc.id)
    const link = rosterLink(owner, viewer)
    // The viewer's copy knows it is a viewer: it sends nothing, sets its edit aside, and still syncs (issue 15, point 4).
    expect(await link.run()).toBe(true)
    expect(link.errors).toEqual([])
    expect(await owner.accounts.show(acc.id)).toEqual(before)
    expect(setAsideBook(viewer.ws).list()).toEqual([expect.objectContaining({ doc: `account/${acc.id}`, source: 'here', author: 'Vi Tran' })])
    link.close()
    for (const s of [owner, viewer]) await s.close()
  })

  it('lets a viewer without changes of its own receive the owner\'s edits', async () => {
    const owner = await newStore('Ana Lima')
    const viewer = await joinedStore(owner, 'Vi Tran', 'viewer')
    const acc = await owner.accounts.add({ name: 'Later Co' })
    await owner.checklist.set(acc.id, 'business.A', 'yes')
    const link = rosterLink(owner, viewer)
    expect(await link.run()).toBe(true)
    expect(link.errors).toEqual([])
    expect(await viewer.accounts.show(acc.id)).toEqual(await owner.accounts.show(acc.id))
    link.close()
    for (const s of [owner, viewer]) await s.close()
  })

  it('takes an editor\'s edits and new accounts, and an owner\'s roster change', async () => {
    const owner = await newStore('Ana Lima')
    const editor = await joinedStore(owner, 'Ed Park', 'editor')
    const acc = await editor.accounts.add({ name: 'Editor Co', iors: ['12-3456789'] })
    await owner.roster.setRole(editor.ws.member.id, 'owner', await signer(owner))
    const link = rosterLink(owner, editor)
    expect(await link.run()).toBe(true)
    expect(link.errors).toEqual([])
    expect((await owner.accounts.show(acc.id)).name).toBe('Editor Co')
    expect(editor.roster.role(editor.ws.member.id)).toBe('owner')
    link.close()
    for (const s of [owner, editor]) await s.close()
  })

  it('refuses an editor\'s change to the roster or the team — making itself owner, deleting a member, renaming the team', async () => {
    const refused = 'only an owner may change the team or its roster'
    const tamper: Array<[(doc: Y.Doc, me: string, owner: string) => void, string]> = [
      [(doc, me) => { const m = workspaceRoots(doc).members; m.set(me, { ...m.get(me)!, role: 'owner' }) }, `${refused}: the roster entry for Ed Park is not newer than the one here (seq 1, here 1)`],
      [(doc, _me, owner) => { workspaceRoots(doc).members.delete(owner) }, `${refused}: the roster entry for Ana Lima was deleted`],
      [doc => { workspaceRoots(doc).team.set('name', 'Hijacked') }, refused]
    ]
    for (const [change, reason] of tamper) {
      const owner = await newStore('Ana Lima')
      const editor = await joinedStore(owner, 'Ed Park', 'editor')
      change(editor.ws.wsDoc, editor.ws.member.id, owner.ws.member.id)
      const roster = owner.ws.members()
      const link = rosterLink(owner, editor)
      // Refused parts are set aside on the owner's side and the session goes on (issue 15, point 3).
      expect(await link.run()).toBe(true)
      expect(link.errors).toEqual([])
      const reasons = setAsideBook(owner.ws).list().map(e => e.reason)
      expect(reasons).toContain(reason) // the change, and (judged apart) any deletion it made
      expect(reasons.every(r => r.startsWith(refused))).toBe(true)
      expect(owner.ws.members()).toEqual(roster)
      expect(workspaceRoots(owner.ws.wsDoc).team.get('name')).toBe('Ana Lima\'s team')
      link.close()
      for (const s of [owner, editor]) await s.close()
    }
  })

  it('holds an editor\'s update that builds on changes not here yet, and judges it once they have arrived', async () => {
    const owner = await newStore('Ana Lima')
    const editor = await joinedStore(owner, 'Ed Park', 'editor')
    const updates: Uint8Array[] = []
    editor.ws.wsDoc.on('update', (u: Uint8Array) => updates.push(u))
    await editor.accounts.add({ name: 'First Co' })
    // A new entry (nothing replaced, so nothing deleted that the owner could see at once) after a gap.
    const m = workspaceRoots(editor.ws.wsDoc).members
    editor.ws.wsDoc.transact(() => m.set('FAKE-MEMBER', { ...m.get(editor.ws.member.id)!, id: 'FAKE-MEMBER', role: 'owner' }))
    const target = workspaceSyncTarget(owner.ws, () => 'editor')
    const last = updates[updates.length - 1]!
    expect(target.accept('workspace', owner.ws.wsDoc, last)).toBe(WAIT)
    expect(owner.ws.members().map(m => m.id)).not.toContain('FAKE-MEMBER')
    for (const u of updates.slice(0, -1)) {
      expect(target.accept('workspace', owner.ws.wsDoc, u)).toBeUndefined()
      Y.applyUpdate(owner.ws.wsDoc, u)
    }
    expect(target.accept('workspace', owner.ws.wsDoc, last)).toBe('only an owner may change the team or its roster: the roster entry for Ed Park does not match its signature')
    for (const s of [owner, editor]) await s.close()
  })

  it('tells an update that brings nothing new from one that adds or deletes', async () => {
    const doc = new Y.Doc()
    doc.clientID = 1
    const map = doc.getMap('m')
    map.set('a', 1)
    map.set('a', 2) // deletes the first value
    const full = Y.encodeStateAsUpdate(doc)
    expect(bringsChanges(doc, full)).toBe(false)
    const other = new Y.Doc()
    other.clientID = 2
    expect(bringsChanges(other, full)).toBe(true)
    Y.applyUpdate(other, full)
    const sv = Y.encodeStateVector(other)
    other.getMap('m').delete('a')
    expect(bringsChanges(doc, Y.encodeStateAsUpdate(other, sv))).toBe(true)
  })

  it('does not apply an update that brings nothing new, even one whose structs claim an origin nobody has — whatever the role', async () => {
    const { state, update } = forgery(false)
    const plain = new Y.Doc()
    Y.applyUpdate(plain, state)
    expect(bringsChanges(plain, update)).toBe(false)
    Y.applyUpdate(plain, update) // what Yjs does with it: parks it, for good
    expect(plain.store.pendingStructs).not.toBeNull()

    const ana = await newStore('Ana Lima')
    for (const role of ['owner', 'editor', 'viewer'] as Role[]) {
      const name = `account/forged-${role}`
      const doc = await ana.ws.docs.get(name)
      Y.applyUpdate(doc, state)
      const target = workspaceSyncTarget(ana.ws, () => role)
      expect(target.accept(name, doc, update)).toBe(SKIP)
      const session = new SyncSession(target, () => undefined)
      await session.start()
      await session.receive(writeSyncFrame(name, enc => syncProtocol.writeUpdate(enc, update)))
      expect(doc.store.pendingStructs, role).toBeNull()
      expect(doc.getText('t').toString()).toBe('ab')
      session.close()
    }
    await ana.close()
  })

  it('applies only what an update brings that this side lacks, so a forged known struct does not hold back the new one after it', async () => {
    const { state, update } = forgery(true)
    const ana = await newStore('Ana Lima')
    for (const role of ['owner', 'editor'] as Role[]) {
      const name = `account/forged-${role}`
      const doc = await ana.ws.docs.get(name)
      Y.applyUpdate(doc, state)
      const session = new SyncSession(workspaceSyncTarget(ana.ws, () => role), () => undefined)
      await session.start()
      await session.receive(writeSyncFrame(name, enc => syncProtocol.writeUpdate(enc, update)))
      expect(doc.store.pendingStructs, role).toBeNull()
      expect(doc.getText('t').toString(), role).toBe('abc')
      session.close()
    }
    await ana.close()
  })
})
