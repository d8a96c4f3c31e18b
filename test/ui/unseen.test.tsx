import { describe, expect, it } from 'vitest'
import { KEY, renderApp, selectedLine } from '../helpers/ui.js'
import { openAccount } from '../helpers/open-account.js'
import { sharedAccount, syncStores } from '../helpers/store.js'
import { accountDocName } from '../../src/store/schema.js'
import { monoTheme } from '../../src/ui/theme/theme.js'

describe('teammates\' changes in the app', () => {
  it('marks an account with unseen changes, highlights them on opening, and opening marks them seen', async () => {
    const { ana: mine, bo: peer, account: acc } = await sharedAccount()
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

  it('marks a field in conflict with !, shows both values on Enter and writes the pick; H shows its history, C the changes', async () => {
    const { ana: mine, bo: peer, account: acc } = await sharedAccount()
    await mine.accounts.show(acc.id, { markSeen: true })
    // Fixed Yjs client ids: Bo's (higher) write is the one the merge keeps.
    ;(await mine.ws.docs.get(accountDocName(acc.id))).clientID = 1
    ;(await peer.ws.docs.get(accountDocName(acc.id))).clientID = 2
    await mine.accounts.set(acc.id, { address: '1 Ana Street' })
    await peer.accounts.set(acc.id, { address: '2 Bo Avenue' })
    await syncStores(mine, peer)
    expect(await mine.conflicts.list()).toHaveLength(1)

    const ui = await renderApp({ store: mine, theme: monoTheme })
    await openAccount(ui, 'Shared Harbor Co', { shows: '! Address' })
    for (let i = 0; i < 30 && !(selectedLine(ui.frame()) ?? '').includes('Address'); i++) {
      const before = selectedLine(ui.frame())
      await ui.press('j')
      await ui.waitFor(fr => selectedLine(fr) !== before)
    }
    expect(selectedLine(ui.frame())).toMatch(/! Address +2 Bo Avenue/)

    await ui.press(KEY.enter)
    let f = await ui.waitFor('2  replaced:')
    expect(f).toMatch(/1 {2}kept: +"2 Bo Avenue" — Bo Chen/)
    expect(f).toMatch(/2 {2}replaced: +"1 Ana Street" — Ana Lima/)
    await ui.press('2')
    f = await ui.waitFor('conflict closed')
    expect(f).not.toContain('! Address')
    expect(await mine.conflicts.list()).toEqual([])
    expect((await mine.accounts.show(acc.id)).profile.address).toBe('1 Ana Street')
    expect((await mine.ws.log(acc.id)).at(-1)?.action).toBe('conflict.resolve')

    await ui.press('H')
    f = await ui.waitFor('History of Address')
    expect(f).toContain('Ana Lima  (empty) → 1 Ana Street')
    expect(f).toContain('Bo Chen  (empty) → 2 Bo Avenue')
    expect(f).toContain('Ana Lima  2 Bo Avenue → 1 Ana Street')
    await ui.press('q')
    await ui.waitFor('H its history')

    await ui.press('C')
    f = await ui.waitFor('since you last looked, newest first')
    expect(f).toMatch(/Bo Chen {2}Address: 2 Bo Avenue/)
    await ui.press('q')
    await ui.press('?')
    f = await ui.waitFor('Help — keys on Account: Profile')
    expect(f).toContain('History of the selected field')
    expect(f).toContain('Teammates\' changes you had not seen')
    await ui.close()
    await peer.close()
  })
})
