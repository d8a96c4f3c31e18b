// Issue 15, point 2 — "a viewer's change never reaches another member, by any path", through a hub that relays
// structs naming only a client id. Each attack is reproduced against a real hub on 127.0.0.1: a viewer holding
// the stock Hocuspocus hub's token (an editor's token, in effect), a viewer's change relayed by an editor's
// copy that took it, and a member demoted to viewer whose hub token (hub/, role tokens) still says editor.
// Receivers apply a hub's structs only as far as a member who may write vouches for them (store/vouches.ts):
// what no such member vouches for is set aside (holdMs 0 in a one-shot exchange), and released when a vouch
// comes later.
import { rename } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { REMOTE } from '../../src/store/origins.js'
import { accountDocName, workspaceRoots } from '../../src/store/schema.js'
import { setAsideBook } from '../../src/store/sync-target.js'
import { VOUCHES_DOC, vouchesMap, vouchKey } from '../../src/store/vouches.js'
import { readVouch } from '../../src/store/vouch.js'
import { syncThroughHub } from '../../src/sync/hub/client.js'
import type { Store } from '../../src/store/index.js'
import { tempDir } from '../helpers/home.js'
import { hubTeam, startHocuspocusHub, type TestHub } from '../helpers/hub.js'
import { hubToken, startHub } from '../helpers/hub-server.mjs'
import { joinedStore, signer } from '../helpers/team.js'
import { startNode, type TestNode } from '../helpers/peers.js'
import { syncStores } from '../helpers/store.js'

const open: Array<{ close (): Promise<void> }> = []
afterAll(async () => { for (const o of open.splice(0).reverse()) await o.close() })
const keep = <T extends { close (): Promise<void> }>(x: T) => { open.push(x); return x }
const TOKEN = 'vouch-test-token'

const planTitles = async (s: Store, id: string) => JSON.stringify(await s.accounts.show(id))

/** Makes `s` an editor in its own roster only (unsigned): a modified copy that sends what a viewer may not. */
function claimEditor (s: Store): void {
  const members = workspaceRoots(s.ws.wsDoc).members
  s.ws.wsDoc.transact(() => members.set(s.ws.member.id, { ...members.get(s.ws.member.id)!, role: 'editor' }))
}

/** One hub sync of `store` through the hub at `url()` that must end without an error on any document. */
function cleanSync (url: () => string) {
  return async (store: Store) => {
    const result = await syncThroughHub({ store, url: url(), token: TOKEN, timeoutMs: 15_000 })
    expect([...result.documents, result.vouches].filter(d => d.error !== undefined)).toEqual([])
    return result
  }
}

describe('vouches through a stock Hocuspocus hub (one token for every member)', () => {
  let hub: TestHub
  beforeAll(async () => { hub = keep(await startHocuspocusHub({ token: TOKEN })) }, 20_000)
  const sync = cleanSync(() => hub.url)

  it('a viewer\'s change, pushed with the hub\'s token and relayed by an editor\'s copy that took it, reaches nobody', async () => {
    const { ana, bo, account } = await hubTeam(keep)
    const cy = keep(await joinedStore(ana, 'Cy Park', 'viewer'))
    const dee = keep(await joinedStore(ana, 'Dee Ruiz', 'editor'))
    for (const s of [ana, bo, cy, dee]) await sync(s)

    // Cy, a viewer, in a modified copy: claims to be an editor, edits, and pushes with the hub's token (its vouch
    // is signed with Cy's own key, and is relayed: it counts for nothing, Cy being a viewer).
    claimEditor(cy)
    await cy.plan.items.add(account.id, { title: 'Viewer item through the hub', priority: 'high' })
    await sync(cy)

    // Bo's copy takes Cy's change as it is (as an editor did before vouches), adds his own, and pushes both.
    const cyDoc = await cy.ws.docs.get(accountDocName(account.id))
    const boDoc = await bo.ws.docs.get(accountDocName(account.id))
    Y.applyUpdate(boDoc, Y.encodeStateAsUpdate(cyDoc), REMOTE)
    await bo.plan.items.add(account.id, { title: 'Editor item', priority: 'low' })
    expect(await planTitles(bo, account.id)).toContain('Viewer item through the hub')
    await sync(bo)

    for (const member of [ana, dee]) {
      await sync(member)
      expect(await planTitles(member, account.id)).toContain('Editor item')
      expect(await planTitles(member, account.id)).not.toContain('Viewer item')
      const vouches = vouchesMap(await member.ws.docs.get(VOUCHES_DOC))
      expect(vouches.has(vouchKey(accountDocName(account.id), cy.ws.member.id))).toBe(true) // Cy's vouch arrived, and counted for nothing
      const aside = setAsideBook(member.ws).list().filter(e => e.doc !== 'workspace') // Cy's unsigned roster claim is refused there, as before
      expect(aside).toEqual([expect.objectContaining({ doc: accountDocName(account.id), awaitsVouch: true, reason: expect.stringMatching(/^no member who may write vouches for client \d+/) })])
    }
    // Synced again: still nothing of Cy's, and nothing reported again.
    await sync(ana)
    expect(await planTitles(ana, account.id)).not.toContain('Viewer item')
    expect(setAsideBook(ana.ws).list().filter(e => e.awaitsVouch)).toHaveLength(1)
  })

  it('a change no vouch covers yet is set aside, then released when its writer\'s vouch comes', async () => {
    const { ana, bo, account } = await hubTeam(keep)
    for (const s of [ana, bo]) await sync(s)
    // Bo's key cannot be read for this exchange: his change goes out unvouched (and he is told so).
    const key = bo.ws.paths.identityKey
    await rename(key, `${key}.away`)
    await bo.plan.items.add(account.id, { title: 'Bo unvouched', priority: 'low' })
    const lines: string[] = []
    await syncThroughHub({ store: bo, url: hub.url, token: TOKEN, timeoutMs: 15_000, log: l => lines.push(l) })
    expect(lines.join('\n')).toMatch(/^hub: your changes go unvouched: your key .* is missing/)
    await sync(ana)
    expect(await planTitles(ana, account.id)).not.toContain('Bo unvouched')
    expect(setAsideBook(ana.ws).list()).toEqual([expect.objectContaining({ awaitsVouch: true, doc: accountDocName(account.id) })])

    await rename(`${key}.away`, key)
    await sync(bo) // writes the vouch the hub lacked
    await sync(ana)
    expect(await planTitles(ana, account.id)).toContain('Bo unvouched')
    expect(setAsideBook(ana.ws).list()).toEqual([]) // released
  })
})

describe('a member demoted to viewer whose hub token still says editor (hub/)', () => {
  it('pushes into the room, but no member takes it; they keep receiving', async () => {
    const { ana, bo, account } = await hubTeam(keep)
    const cy = keep(await joinedStore(ana, 'Cy Park', 'editor'))
    const dir = await tempDir('pat-vouch-hub-')
    const tokens = join(dir, 'tokens.json')
    const team = ana.ws.config.team.id
    const token = (member: string, role: string) => hubToken(tokens, team, member, role)
    const tok = new Map<Store, string>([[ana, await token('Ana Lima', 'owner')], [bo, await token('Bo Chen', 'editor')], [cy, await token('Cy Park', 'editor')]])
    const hub = await startHub({ data: join(dir, 'data'), tokens })
    open.push({ close: async () => { await hub.close() } })
    const url = hub.url.replace(/^ws:/, 'hocuspocus+ws:')
    const sync = async (store: Store) => {
      const r = await syncThroughHub({ store, url, token: tok.get(store)!, timeoutMs: 15_000 })
      expect([...r.documents, r.vouches].filter(d => d.error !== undefined)).toEqual([])
      return r
    }
    await bo.plan.items.add(account.id, { title: 'Bo as an editor', priority: 'low' })
    for (const s of [bo, ana, cy]) await sync(s)
    expect(await planTitles(cy, account.id)).toContain('Bo as an editor')

    // Ana demotes Bo; the hub operator forgets to change Bo's token.
    // (Cy syncs before Bo pushes: a member who lacks the demotion when Bo's copy overwrites it in the room
    // never gets it from that room — docs/trust.md, "an overwritten owner's entry".)
    await ana.roster.setRole('Bo Chen', 'viewer', await signer(ana))
    await sync(ana)
    await sync(cy)
    await sync(bo)
    expect(bo.roster.role(bo.ws.member.id)).toBe('viewer')
    claimEditor(bo) // a modified copy: sends anyway, its vouch signed with Bo's key
    await bo.plan.items.add(account.id, { title: 'Bo after the demotion', priority: 'high' })
    await bo.accounts.add({ name: 'Demoted Made Co' })
    const pushed = await sync(bo)
    expect(pushed.documents.some(d => d.sent)).toBe(true) // the hub took it (the token says editor)

    await ana.plan.items.add(account.id, { title: 'Owner after the demotion', priority: 'low' })
    for (const member of [ana, cy]) {
      await sync(member)
      expect(await planTitles(member, account.id)).not.toContain('Bo after the demotion')
      expect(await planTitles(member, account.id)).toContain('Bo as an editor')
      expect((await member.accounts.list()).map(a => a.name)).not.toContain('Demoted Made Co')
      expect(setAsideBook(member.ws).list().filter(e => e.awaitsVouch).map(e => e.doc)).toEqual([accountDocName(account.id)]) // Bo's edit (his workspace part is refused by the roster rules, and his new account waits behind it)
    }
    await sync(bo)
    expect(await planTitles(bo, account.id)).toContain('Owner after the demotion') // still receives
  })
})

// The gap the first vouch work was reverted for (7e8fa4f): a peer-only editor never reached the hub, so nobody
// vouched for its content once a member who does both bridged it there, and hub-only members held it forever.
// Now every editor vouches for its own client ids whatever the transport, and vouches travel over peer sync too.
describe('a peer-only editor\'s change bridged to a hub by a member who does both', () => {
  let hub: TestHub
  beforeAll(async () => { hub = keep(await startHocuspocusHub({ token: TOKEN })) }, 20_000)
  const sync = cleanSync(() => hub.url)
  const vouchOf = async (s: Store, doc: string, member: string) => {
    const bytes = vouchesMap(await s.ws.docs.get(VOUCHES_DOC)).get(vouchKey(doc, member))
    return bytes === undefined ? undefined : readVouch(bytes)
  }

  it('is held when its writer sent no vouch, and reaches the hub-only member with the vouch its writer sends over peer sync', async () => {
    const { ana, bo, account } = await hubTeam(keep)
    const cy = keep(await joinedStore(ana, 'Cy Park', 'editor'))
    await syncStores(ana, bo) // Bo knows Cy before Cy dials him
    for (const s of [ana, bo]) await sync(s)
    const doc = accountDocName(account.id)

    // The attack's shape, reproduced: Cy's change reaches Bo without its writer's vouch (as a peer-only member's
    // did before: it wrote none), Bo bridges it to the hub, and Ana, hub only, cannot tell who wrote it.
    await cy.plan.items.add(account.id, { title: 'From Cy, peers only', priority: 'low' })
    await syncStores(cy, bo)
    await sync(bo)
    await sync(ana)
    expect(await planTitles(ana, account.id)).not.toContain('From Cy, peers only')
    expect(setAsideBook(ana.ws).list()).toEqual([expect.objectContaining({ doc, awaitsVouch: true })])
    const cyClients = [...cy.ws.ownClients.all()]
    const boVouch = await vouchOf(bo, doc, bo.ws.member.id)
    expect(cyClients.some(c => boVouch?.clients.has(c))).toBe(false) // the bridge never vouches for a peer's clients

    // Cy syncs with Bo over a real peer session: Cy's own vouch goes with it, and on through the hub.
    const boNode: TestNode = keep({ ...(await startNode(bo)), close: () => boNode.node.stop() })
    const cyNode: TestNode = keep({ ...(await startNode(cy, { listen: false })), close: () => cyNode.node.stop() })
    await cy.plan.items.add(account.id, { title: 'Cy again', priority: 'low' })
    await cyNode.node.syncOnce(boNode.address, 10_000)
    const cyVouch = await vouchOf(bo, doc, cy.ws.member.id)
    expect(cyVouch).toBeDefined()
    expect(cyClients.every(c => (cyVouch!.clients.get(c) ?? 0) > 0)).toBe(true)
    await sync(bo)
    await sync(ana)
    expect(await planTitles(ana, account.id)).toContain('From Cy, peers only')
    expect(await planTitles(ana, account.id)).toContain('Cy again')
    expect(setAsideBook(ana.ws).list()).toEqual([]) // released
  })

  it('a peer-only viewer\'s vouch, carried over peer sync, covers nothing at a hub-only member', async () => {
    const { ana, bo, account } = await hubTeam(keep)
    const cy = keep(await joinedStore(ana, 'Cy Park', 'viewer'))
    await syncStores(ana, bo)
    for (const s of [ana, bo]) await sync(s)
    const doc = accountDocName(account.id)
    // A modified viewer's copy: claims to be an editor, edits, signs a vouch with its own key.
    claimEditor(cy)
    await cy.plan.items.add(account.id, { title: 'Viewer via a peer', priority: 'high' })
    const boNode: TestNode = keep({ ...(await startNode(bo)), close: () => boNode.node.stop() })
    const cyNode: TestNode = keep({ ...(await startNode(cy, { listen: false })), close: () => cyNode.node.stop() })
    await cyNode.node.syncOnce(boNode.address, 10_000).catch(() => undefined) // Bo refuses Cy's changes; the session may end either way
    expect(await planTitles(bo, account.id)).not.toContain('Viewer via a peer') // refused at the first hop
    // Bo's copy takes it anyway (modified) and bridges it, with Cy's vouch beside it.
    const cyDoc = await cy.ws.docs.get(doc)
    Y.applyUpdate(await bo.ws.docs.get(doc), Y.encodeStateAsUpdate(cyDoc), REMOTE)
    Y.applyUpdate(await bo.ws.docs.get(VOUCHES_DOC), Y.encodeStateAsUpdate(await cy.ws.docs.get(VOUCHES_DOC)), REMOTE)
    await sync(bo)
    await sync(ana)
    expect(await planTitles(ana, account.id)).not.toContain('Viewer via a peer')
    expect(setAsideBook(ana.ws).list().filter(e => e.doc === doc)).toEqual([expect.objectContaining({ awaitsVouch: true })])
  })
})
