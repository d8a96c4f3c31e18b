// Issue 15, point 3 — a refused part is reported "with its author where known". The author is known for a
// client id that holds an owner's signed roster entry; the signature is bound to the item's id, so only the
// owner can have written it. A forger can still get an entry that merely *claims* an owner's signature into
// everyone's copy: a concurrent value that loses Y.Map's last-writer-wins shows nowhere and is taken unjudged
// (roster-check.ts). Its claim must not make the forger's later refused changes be reported as the owner's:
// only the value a key shows names a writer (a losing one never does), and a shown one had its signature checked.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { setAsideBook, workspaceSyncTarget } from '../../src/store/index.js'
import { REMOTE } from '../../src/store/origins.js'
import { workspaceRoots } from '../../src/store/schema.js'
import { judgeAndApply } from '../../src/sync/judge.js'
import { keepStores, joinedStore, signer } from '../helpers/team.js'
import { newStore } from '../helpers/store.js'

const keep = keepStores()

describe('who a set-aside change is reported as', () => {
  it('never an owner whose signature a forged entry only claims', async () => {
    const ana = keep(await newStore('Ana Lima'))
    const bo = keep(await joinedStore(ana, 'Bo Chen', 'editor'))
    // The forger starts from Bo's copy, with a client id that sorts left of Ana's: its value loses.
    const forger = new Y.Doc()
    forger.clientID = 1
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(bo.ws.wsDoc))
    const boEntry = workspaceRoots(forger).members.get(bo.ws.member.id)!
    workspaceRoots(forger).members.set(bo.ws.member.id, { ...boEntry, role: 'owner', seq: 99, signedBy: ana.ws.member.id, signature: 'AAAA' })
    // Concurrently Ana signs a change of Bo's entry, and Bo receives it first.
    await ana.roster.setRole('Bo Chen', 'viewer', await signer(ana))
    Y.applyUpdate(bo.ws.wsDoc, Y.encodeStateAsUpdate(ana.ws.wsDoc, Y.encodeStateVector(bo.ws.wsDoc)), REMOTE)

    const lines: string[] = []
    const target = workspaceSyncTarget(bo.ws, () => 'editor', { label: 'hub test', log: l => lines.push(l) })
    const judge = () => judgeAndApply('workspace', bo.ws.wsDoc, Y.encodeStateAsUpdate(forger, Y.encodeStateVector(bo.ws.wsDoc)), target.accept, () => REMOTE, target.setAside)
    expect(judge()).toBeUndefined() // the losing value changes nothing shown: taken
    expect(bo.roster.get(bo.ws.member.id)).toMatchObject({ role: 'viewer', signedBy: ana.ws.member.id })

    workspaceRoots(forger).team.set('name', 'Forged Team')
    expect(judge()).toMatch(/^only an owner may change the team/)
    // The forger's value, and the deletion of the name it replaced (a deletion does not name its writer).
    expect(lines.sort()).toEqual([
      expect.stringMatching(/^workspace: set aside a change by client 1 from hub test: only an owner may change the team/),
      expect.stringMatching(/^workspace: set aside deletions \(their writer is not known\) from hub test/)
    ])
    expect(setAsideBook(bo.ws).list().map(e => e.author).sort()).toEqual(['client 1', 'unknown'])
  })
})
