// Issue 15, point 2 — a viewer's change never reaches another member through a hub. The team's hub (hub/, run
// from its own bin on 127.0.0.1) gives Cy, a viewer, a read-only token: Cy's copy edits an account and — as
// a modified copy would — claims to be an editor in its own roster so that it sends; the hub takes nothing
// from it, so Bo (an editor) and Ana (the owner) never see the change, while Cy still receives theirs.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { workspaceRoots } from '../../src/store/schema.js'
import { syncThroughHub } from '../../src/sync/hub/client.js'
import { tempDir } from '../helpers/home.js'
import { hubTeam } from '../helpers/hub.js'
import { hubToken, startHub } from '../helpers/hub-server.mjs'
import { joinedStore } from '../helpers/team.js'
import { closedAfter } from '../helpers/closed-after.js'

const keep = closedAfter('all')

describe('a viewer with a hub token', () => {
  it('receives through the hub, but nothing it sends reaches the room or any member', async () => {
    const { ana, bo, account } = await hubTeam(keep)
    const cy = keep(await joinedStore(ana, 'Cy Park', 'viewer'))
    const dir = await tempDir('pat-viewer-hub-')
    const tokens = join(dir, 'tokens.json')
    const team = ana.ws.config.team.id
    const token = (member: string, role: string) => hubToken(tokens, team, member, role)
    const tok = { ana: await token('Ana Lima', 'owner'), bo: await token('Bo Chen', 'editor'), cy: await token('Cy Park', 'viewer') }
    const hub = await startHub({ data: join(dir, 'data'), tokens })
    keep({ close: async () => { await hub.close() } })
    const url = hub.url.replace(/^ws:/, 'hocuspocus+ws:')
    const sync = async (store: typeof ana, t: string) => {
      const r = await syncThroughHub({ store, url, token: t, timeoutMs: 15_000 })
      expect(r.documents.filter(d => d.error !== undefined)).toEqual([])
      return r
    }
    const readOnly = 'the hub did not apply our changes (is the token read-only there?)'
    await sync(ana, tok.ana)

    // An unmodified copy of PAT Desk: Cy's edit is set aside and not sent; Cy receives.
    await cy.plan.items.add(account.id, { title: 'Viewer item kept here', priority: 'high' })
    await ana.plan.items.add(account.id, { title: 'Owner item', priority: 'low' })
    await sync(ana, tok.ana)
    await sync(cy, tok.cy)
    expect(JSON.stringify(await cy.accounts.show(account.id))).toContain('Owner item')

    // A modified copy: Cy makes itself an editor (unsigned, in its own roster only) and edits, so that it sends.
    const members = workspaceRoots(cy.ws.wsDoc).members
    cy.ws.wsDoc.transact(() => members.set(cy.ws.member.id, { ...members.get(cy.ws.member.id)!, role: 'editor' }))
    await cy.plan.items.add(account.id, { title: 'Viewer item through the hub', priority: 'high' })
    await cy.accounts.add({ name: 'Viewer Made Co' })
    const refused = await syncThroughHub({ store: cy, url, token: tok.cy, timeoutMs: 15_000 })
    expect(refused.documents.map(d => d.error)).toEqual([readOnly, readOnly, readOnly]) // the hub answers that it took nothing

    await sync(bo, tok.bo)
    await sync(ana, tok.ana)
    for (const member of [bo, ana]) {
      expect(JSON.stringify(await member.accounts.show(account.id))).not.toContain('Viewer item')
      expect(JSON.stringify(await member.accounts.show(account.id))).toContain('Owner item')
      expect((await member.accounts.list()).map(a => a.name)).not.toContain('Viewer Made Co')
      expect(member.roster.role(cy.ws.member.id)).toBe('viewer')
    }
    expect(hub.output()).toMatch(/Cy Park opened/)
  })
})
