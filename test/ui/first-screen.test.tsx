// At 10,000 accounts the app's first frame reads the summaries of its first screen only (ui/hooks/
// use-accounts-screen.ts preloadAccounts): the other rows show "…" until the full list, read at once behind
// the first frame, replaces them.
import { stripVTControlCharacters } from 'node:util'
import { describe, expect, it } from 'vitest'
import { FIRST_ROWS, LARGE_LIST, preloadAccounts } from '../../src/ui/hooks/use-accounts-screen.js'
import { renderApp } from '../helpers/ui.js'
import { newStore } from '../helpers/store.js'

const lineOf = (frame: string, text: string) => frame.split('\n').find(l => l.includes(text)) ?? ''

async function threeAccounts () {
  const store = await newStore()
  await store.accounts.add({ name: 'Acme Textiles' })
  const bolt = await store.accounts.add({ name: 'Bolt Freight' })
  const old = await store.accounts.add({ name: 'Able Old Co' })
  await store.accounts.archive(old.id)
  await store.plan.items.add(bolt.id, { title: 'Classification review', priority: 'high', due: '2026-05-01' })
  return store
}

describe('the first screen of a large accounts list', () => {
  it('the store lists summaries for the first rows not archived, the others pending', async () => {
    const store = await threeAccounts()
    try {
      const rows = await store.accounts.list({ unseen: true, first: 1 })
      expect(rows.map(r => [r.name, r.pending ?? false])).toEqual([['Able Old Co', true], ['Acme Textiles', false], ['Bolt Freight', true]])
      const full = await store.accounts.list({ unseen: true })
      expect(full.every(r => r.pending === undefined)).toBe(true)
      expect(rows[1]).toEqual(full[1])
      expect(full[2]).toMatchObject({ name: 'Bolt Freight', openItems: 1, nextDue: '2026-05-01' })
      // Archived rows are hidden on the first screen: their summaries wait for the full list.
      const screenful = await store.accounts.list({ unseen: true, first: FIRST_ROWS })
      expect(screenful.filter(r => !r.archived)).toEqual(full.filter(r => !r.archived))
      expect(screenful.filter(r => r.archived).map(r => r.pending)).toEqual([true])
    } finally {
      await store.close()
    }
  })

  it('a small workspace is read whole before the first frame, at the store\'s version', async () => {
    expect(LARGE_LIST).toBeGreaterThan(FIRST_ROWS)
    const store = await threeAccounts()
    try {
      const seed = await preloadAccounts(store, { first: true })
      expect(seed.version).toBe(store.version)
      expect(seed.data).toEqual(await store.accounts.list({ unseen: true }))
    } finally {
      await store.close()
    }
  })

  it('shows pending rows as "…" in the first frame, then the full list without a key pressed', async () => {
    const store = await threeAccounts()
    const seed = { data: await store.accounts.list({ unseen: true, first: 1 }), version: -1 }
    const ui = await renderApp({ store, preload: { accounts: seed } })
    const first = stripVTControlCharacters(ui.rawFrames()[0] ?? '')
    expect(lineOf(first, 'Bolt Freight')).toContain('…')
    expect(lineOf(first, 'Acme Textiles')).not.toContain('…')
    const after = await ui.waitFor(f => lineOf(f, 'Bolt Freight') !== '' && !lineOf(f, 'Bolt Freight').includes('…'))
    expect(lineOf(after, 'Bolt Freight')).toMatch(/\b1\s+!?2026-05-01/)
    await ui.close()
  })
})
