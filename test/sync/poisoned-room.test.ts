// Issue 15, point 3 — a poisoned room must not stop the team. A token holder (Bo, an editor) pushes a change
// only an owner may make (the team's name) into the workspace room of a stock Hocuspocus hub. Every member's
// exchange then sets that change aside (reported once, kept in <home>/set-aside/), applies everything else
// the room brings — new accounts keep flowing both ways — and keeps syncing without an error.
import { beforeAll, describe, expect, it } from 'vitest'
import { workspaceRoots } from '../../src/store/schema.js'
import { setAsideBook } from '../../src/store/sync-target.js'
import { syncThroughHub } from '../../src/sync/hub/client.js'
import { hubTeam, startHocuspocusHub, type TestHub } from '../helpers/hub.js'
import { joinedStore } from '../helpers/team.js'
import { closedAfter } from '../helpers/closed-after.js'

const keep = closedAfter('all')
const TOKEN = 'poison-test-token'

describe('a poisoned workspace room at a stock Hocuspocus hub', () => {
  let hub: TestHub
  beforeAll(async () => { hub = keep(await startHocuspocusHub({ token: TOKEN })) }, 20_000)

  it('sets the forbidden change aside, reports it once, and keeps every member syncing', async () => {
    const { ana, bo } = await hubTeam(keep)
    const cy = keep(await joinedStore(ana, 'Cy Park', 'editor'))
    const teamName = String(workspaceRoots(ana.ws.wsDoc).team.get('name'))
    const sync = async (store: typeof ana) => {
      const lines: string[] = []
      const result = await syncThroughHub({ store, url: hub.url, token: TOKEN, timeoutMs: 10_000, report: l => lines.push(l) })
      expect(result.documents.every(d => d.error === undefined)).toBe(true) // nothing ends early
      return { result, lines }
    }
    await sync(ana)

    // Bo writes the team's name in his own copy and pushes it into the hub's workspace room.
    workspaceRoots(bo.ws.wsDoc).team.set('name', 'Pwned Team')
    await sync(bo)

    const added = await ana.accounts.add({ name: 'After The Poison Co' })
    const first = await sync(ana)
    expect(first.result.documents.find(d => d.name === 'workspace')).toMatchObject({ sent: true, refused: expect.stringMatching(/^only an owner may change the team/) })
    // Bo's new value, and the deletion of the value it replaced (a deletion does not name its writer)
    const from = `from hub ${hub.url}: only an owner may change the team or its roster (pat sync set-aside list)`
    expect(first.lines.sort()).toEqual([expect.stringMatching(/^workspace: set aside a change by client \d+ /), `workspace: set aside deletions (their writer is not known) ${from}`])
    expect(first.lines.every(l => l.endsWith(from))).toBe(true)
    expect(workspaceRoots(ana.ws.wsDoc).team.get('name')).toBe(teamName)

    const third = await sync(cy)
    expect(cy.ws.hasAccount(added.id)).toBe(true) // the room still brings what the rules allow
    expect(workspaceRoots(cy.ws.wsDoc).team.get('name')).toBe(teamName)
    expect(third.lines).toHaveLength(2)
    const later = await cy.accounts.add({ name: 'Cy Later Co' })
    await sync(cy)

    // Again and again: the hub still holds the poison, but it is reported only the first time.
    const again = await sync(ana)
    expect(again.lines).toEqual([])
    expect(ana.ws.hasAccount(later.id)).toBe(true)
    expect(setAsideBook(ana.ws).list().map(e => [e.doc, e.source, e.reason])).toEqual(Array(2).fill(['workspace', `hub ${hub.url}`, 'only an owner may change the team or its roster']))
    expect((await sync(cy)).lines).toEqual([])
  })
})
