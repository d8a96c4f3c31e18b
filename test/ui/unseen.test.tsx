import { describe, expect, it } from 'vitest'
import { KEY, renderApp } from '../helpers/ui.js'
import { newStore, syncStores } from '../helpers/store.js'

describe('teammates\' changes in the app', () => {
  it('marks an account with unseen changes, highlights them on opening, and opening marks them seen', async () => {
    const mine = await newStore('Ana Lima')
    const peer = await newStore('Bo Chen')
    const acc = await mine.accounts.add({ name: 'Shared Harbor Co', iors: ['11-2223334'] })
    await syncStores(mine, peer)
    await mine.accounts.show(acc.id, { markSeen: true })
    await peer.plan.items.add(acc.id, { title: 'Item from Bo', priority: 'low' })
    await peer.accounts.set(acc.id, { address: '2 Bo Avenue' })
    await mine.accounts.set(acc.id, { address: '1 Ana Street' })
    await syncStores(mine, peer)

    const ui = await renderApp({ store: mine })
    let f = await ui.waitFor('Shared Harbor Co •2 !')
    await ui.press(KEY.enter)
    f = await ui.waitFor('since you last looked')
    expect(f).toContain('2 changes by Bo Chen since you last looked')
    expect(f).toMatch(/1 Profile•/)
    expect(f).toMatch(/4 Action Plan•|4 Plan•/)
    for (const line of ui.lines()) expect([...line].length).toBeLessThanOrEqual(80)
    await ui.press('6')
    f = await ui.waitFor('newest first')
    expect(f).toContain('• 2 new')
    expect(f).toMatch(/• .*Bo Chen {2}added plan item "Item from Bo"/)
    expect((await mine.accounts.list({ unseen: true }))[0]!.unseen).toBe(0)
    await ui.press('q')
    f = await ui.waitFor('Shared Harbor Co !')
    expect(f).not.toContain('•2')
    await ui.close()
    await peer.close()
  })
})
