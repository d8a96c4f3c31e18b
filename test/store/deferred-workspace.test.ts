// The app opens its workspace deferred (store/workspace.ts deferWorkspace): reads from the directory
// snapshot at once, the workspace document loaded later — by workspaceDoc(), or first thing in an edit or a
// roster change — after which the workspace is the one a full open gives.
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { LARGE_WORKSPACE, loadWhenPaused, PAUSE_MS } from '../../src/cli/app-load.js'
import { afterPause } from '../../src/ui/pause.js'
import { loadSigner } from '../../src/sync/identity.js'
import { Store } from '../../src/store/index.js'
import { WORKSPACE_DOC } from '../../src/store/schema.js'
import { newStore } from '../helpers/store.js'

async function sample () {
  const s = await newStore('Dana Ruiz')
  const harbor = await s.accounts.add({ name: 'Harbor Imports', iors: ['12-3456789'], leadPort: 'Miami' })
  const acme = await s.accounts.add({ name: 'Acme Textiles', stage: 'establish' })
  await s.plan.items.add(harbor.id, { title: 'Classification review', priority: 'high', due: '2026-05-01' })
  const home = s.ws.paths.root
  const full = { list: await s.accounts.list({ unseen: true }), show: await s.accounts.show(harbor.id), team: s.roster.teamName() }
  await s.close()
  return { home, harbor, acme, full }
}

const decoded = (s: Store) => s.ws.docs.loaded(WORKSPACE_DOC) !== undefined

/** Opens `home` deferred, runs `fn` on it and closes it, whatever `fn` does. */
async function inDeferred<T> (home: string, fn: (s: Store) => Promise<T>): Promise<T> {
  const s = await Store.open(home, { deferWorkspace: true })
  try {
    return await fn(s)
  } finally {
    await s.close()
  }
}

describe('a workspace opened deferred', () => {
  it('reads accounts from the snapshot without the workspace document, as a full open does', async () => {
    const { home, harbor, full } = await sample()
    await inDeferred(home, async s => {
      expect(s.ws.hasWorkspaceDoc).toBe(false)
      expect(await s.accounts.list({ unseen: true })).toEqual(full.list)
      expect(await s.accounts.show(harbor.id)).toEqual(full.show)
      expect(s.ws.resolveAccount('harbor').id).toBe(harbor.id)
      expect(s.ws.iorOwners(['12-3456789'])).toEqual(new Map([['12-3456789', 'Harbor Imports']]))
      // The names the app shows before the document is there: the team's as workspace.json keeps it, and
      // this member's own; another member's is not known yet.
      expect(s.roster.teamName()).toBe(full.team)
      expect(s.roster.nameOf(s.ws.member.id)).toBe('Dana Ruiz')
      expect(s.roster.nameOf('someone-else')).toBeUndefined()
      expect(decoded(s)).toBe(false)
    })
  })

  it('loads the document before an edit, which then lands, undoes and is listed as a full open lists it', async () => {
    const { home, harbor } = await sample()
    const s = await Store.open(home, { deferWorkspace: true })
    await s.accounts.set(harbor.id, { name: 'Zephyr Imports' })
    expect(s.ws.hasWorkspaceDoc).toBe(true)
    const added = await s.accounts.add({ name: 'Baltic Goods' })
    expect((await s.accounts.list({})).map(r => r.name)).toEqual(['Acme Textiles', 'Baltic Goods', 'Zephyr Imports'])
    expect((await s.ws.undo())?.summary).toMatch(/Baltic Goods/)
    expect(s.ws.hasAccount(added.id)).toBe(false)
    await s.close()

    const again = await Store.open(home)
    try {
      expect((await again.accounts.list({})).map(r => r.name)).toEqual(['Acme Textiles', 'Zephyr Imports'])
    } finally {
      await again.close()
    }
    // The closing process kept the snapshot current: a deferred open lists the edit without decoding.
    await inDeferred(home, async deferred => {
      expect((await deferred.accounts.list({})).map(r => r.name)).toEqual(['Acme Textiles', 'Zephyr Imports'])
      expect(decoded(deferred)).toBe(false)
    })
  })

  it('loads the document once, however many ask at once, and starts its directory from the snapshot', async () => {
    const { home, full } = await sample()
    await inDeferred(home, async s => {
      const [a, b] = await Promise.all([s.ws.workspaceDoc(), s.ws.workspaceDoc()])
      expect(a).toBe(b)
      expect(s.ws.wsDoc).toBe(a)
      expect(s.roster.nameOf(s.ws.member.id)).toBe('Dana Ruiz')
      expect(await s.accounts.list({ unseen: true })).toEqual(full.list)
    })
  })

  it('loads the document before a roster change', async () => {
    const { home } = await sample()
    await inDeferred(home, async s => {
      const signer = await loadSigner(s.ws.paths.identityKey)
      expect(await s.roster.renameTeam('Port of Miami PAT', signer)).toBe(true)
      expect(s.roster.teamName()).toBe('Port of Miami PAT')
      expect(s.ws.config.team.name).toBe('Port of Miami PAT')
    })
  })

  it('closes without ever loading the document, leaving the workspace as it was', async () => {
    const { home, full } = await sample()
    const s = await Store.open(home, { deferWorkspace: true })
    await s.close()
    await inDeferred(home, async again => {
      expect(decoded(again)).toBe(false)
      expect(await again.accounts.list({ unseen: true })).toEqual(full.list)
    })
  })

  it('loads the document at open when the snapshot is out of date', async () => {
    const { home, harbor } = await sample()
    const s = await Store.open(home)
    await s.accounts.set(harbor.id, { name: 'Renamed, never closed' })
    // Stop as a killed process would: the edit is stored, the snapshot is not refreshed.
    await s.ws.docs.idle()
    await s.ws.database.close()
    await inDeferred(home, async deferred => {
      expect(deferred.ws.hasWorkspaceDoc).toBe(true)
      expect(deferred.ws.header(harbor.id).name).toBe('Renamed, never closed')
    })
  })
})

describe('when the app loads its workspace document', () => {
  const input = () => Object.assign(new EventEmitter(), { keys: 0 })
  const settled = async (p: Promise<unknown>, ms: number) => Promise.race([p.then(() => true), new Promise(resolve => setTimeout(() => resolve(false), ms))])

  it('waits for a pause in the keys, timed again from each key', async () => {
    const keys = input()
    const ended = new AbortController()
    const started = performance.now()
    const paused = afterPause(keys, 120, ended.signal)
    await new Promise(resolve => setTimeout(resolve, 80))
    keys.emit('readable')
    await paused
    expect(performance.now() - started).toBeGreaterThanOrEqual(195)
    expect(keys.listenerCount('readable')).toBe(0)
  })

  it('never comes once the app has ended, and lets go of the input', async () => {
    const keys = input()
    const ended = new AbortController()
    const paused = afterPause(keys, 50, ended.signal)
    ended.abort()
    expect(keys.listenerCount('readable')).toBe(0)
    expect(await settled(paused, 150)).toBe(false)
    expect(await settled(afterPause(keys, 10, ended.signal), 60)).toBe(false)
  })

  it('loads a small workspace at once, a large one only after the pause', async () => {
    expect(PAUSE_MS).toBeGreaterThanOrEqual(500)
    const { home } = await sample()
    await inDeferred(home, async s => {
      const ended = new AbortController()
      await loadWhenPaused(s, input(), ended.signal)
      expect(s.ws.hasWorkspaceDoc).toBe(true)
    })
    // A large one: the same workspace, seen as holding LARGE_WORKSPACE accounts.
    await inDeferred(home, async large => {
      large.ws.accountIds = () => Array.from({ length: LARGE_WORKSPACE }, (_, i) => `a${i}`)
      const ended = new AbortController()
      const loading = loadWhenPaused(large, input(), ended.signal)
      expect(await settled(loading, PAUSE_MS / 2)).toBe(false)
      expect(large.ws.hasWorkspaceDoc).toBe(false)
      await loading
      expect(large.ws.hasWorkspaceDoc).toBe(true)
    })
  })
})
