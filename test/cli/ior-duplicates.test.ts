// Issue 15, point 7 — one IR# in two accounts after a merge. Adding or changing an account refuses an IR#
// another account holds, but two members can each add the same one offline; after they sync both accounts
// hold it. The store lists such duplicates, `pat account check` and `pat doctor` say so with the command that
// resolves it, and `pat account set … --remove-ior` resolves it.
import { describe, expect, it } from 'vitest'
import { pat, patJson } from '../helpers/cli.js'
import { newStore, syncStores } from '../helpers/store.js'
import { joinedStore } from '../helpers/team.js'

describe('IR# duplicates after a merge', () => {
  it('are reported by the store, pat account check and pat doctor, and resolved with --remove-ior', async () => {
    const ana = await newStore('Ana Lima')
    const bo = await joinedStore(ana, 'Bo Chen', 'editor')
    const one = await ana.accounts.add({ name: 'Harbor One Co' })
    const two = await ana.accounts.add({ name: 'Harbor Two Co' })
    await syncStores(ana, bo)
    // Offline, each adds the same IR# to a different account: each edit alone is allowed.
    await ana.accounts.set(one.id, { iors: ['12-3456789'] })
    await bo.accounts.set(two.id, { iors: ['12-3456789'] })
    await syncStores(ana, bo)
    const expected = [{ ior: '12-3456789', accounts: [{ id: one.id, name: 'Harbor One Co' }, { id: two.id, name: 'Harbor Two Co' }].sort((a, b) => a.id.localeCompare(b.id)) }]
    expect(ana.ws.duplicateIors()).toEqual(expected)
    expect(bo.ws.duplicateIors()).toEqual(expected)
    const home = ana.ws.paths.root
    await bo.close()
    await ana.close()

    const line = `IR# 12-3456789 is in 2 accounts: ${expected[0]!.accounts.map(a => `"${a.name}" (${a.id})`).join(', ')}; keep it in one: pat account set ACCOUNT --remove-ior 12-3456789`
    expect((await pat(home, ['account', 'check', one.id])).stdout).toContain(`\n⚠ ${line}\n`)
    expect((await patJson(home, ['account', 'check', two.id])).duplicateIors).toEqual(expected)
    const doctor = await pat(home, ['doctor'])
    expect(doctor).toMatchObject({ code: 0, stdout: expect.stringContaining(`\nwarning: ${line}\n`) })

    expect((await pat(home, ['account', 'set', two.id, '--remove-ior', '12-3456789'])).code).toBe(0)
    expect((await patJson(home, ['account', 'check', one.id])).duplicateIors).toEqual([])
    expect((await pat(home, ['doctor'])).stdout).not.toContain('warning')
  }, 60_000)
})
