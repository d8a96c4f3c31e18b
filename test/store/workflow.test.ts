import { describe, expect, it } from 'vitest'
import { newStore, reopen, syncStores } from '../helpers/store.js'

describe('lifecycle task marks and ports in the store', () => {
  it('keeps marks and ports across reopen, in a deterministic order', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Harbor Imports', leadPort: 'Savannah', nationalRank: 420, pfiShare: '45%' })
    await s.ports.add(acc.id, { name: 'Norfolk', share: 15 })
    await s.ports.add(acc.id, { name: 'Charleston', share: 25, rank: 2, concurrence: 'yes' })
    await s.ports.add(acc.id, { name: 'Savannah', share: 60, rank: 1 })
    await s.tasks.mark(acc.id, 'evaluate.questionnaire-sent', true)
    await s.tasks.mark(acc.id, 'establish.iors-confirmed', true, 'by phone')
    const before = await s.accounts.show(acc.id)
    expect(before.profile).toMatchObject({ nationalRank: 420, pfiShare: 45 })
    expect(before.ports.map(p => p.name)).toEqual(['Savannah', 'Charleston', 'Norfolk'])
    expect(Object.keys(before.tasks)).toEqual(['establish.iors-confirmed', 'evaluate.questionnaire-sent'])
    expect(before.tasks['establish.iors-confirmed']).toMatchObject({ done: true, by: s.ws.member.id, note: 'by phone' })
    const again = await reopen(s)
    expect(await again.accounts.show(acc.id)).toEqual(before)
    await again.close()
  })

  it('logs marks, ignores a repeated mark, and undoes a mark like any edit', async () => {
    const s = await newStore()
    const acc = await s.accounts.add({ name: 'Harbor Imports' })
    expect((await s.tasks.mark(acc.id, 'questionnaire-sent', true)).changed).toBe(true)
    expect((await s.tasks.mark(acc.id, 'questionnaire-sent', true)).changed).toBe(false)
    expect((await s.tasks.mark(acc.id, 'questionnaire-returned', false)).changed).toBe(false)
    expect((await s.ws.log(acc.id)).map(e => e.summary)).toEqual([
      'created account "Harbor Imports"',
      'marked task "Questionnaire customised and sent" (Evaluate) done'
    ])
    await s.ws.undo()
    expect(await s.tasks.marks(acc.id)).toEqual({})
    await expect(s.tasks.mark(acc.id, 'nope', true)).rejects.toThrow(/unknown task "nope"/)
    await s.close()
  })

  it('merges marks and ports made on two replicas offline', async () => {
    const a = await newStore('Dana Ruiz')
    const b = await newStore('Lee Park')
    const acc = await a.accounts.add({ name: 'Harbor Imports' })
    await syncStores(a, b)
    await a.tasks.mark(acc.id, 'establish.iors-confirmed', true)
    await b.tasks.mark(acc.id, 'evaluate.questionnaire-sent', true, 'mailed')
    await a.ports.add(acc.id, { name: 'Savannah', share: 60, rank: 1 })
    await b.ports.add(acc.id, { name: 'Charleston', share: 40, rank: 2 })
    await syncStores(a, b)
    const [ra, rb] = [await a.accounts.show(acc.id), await b.accounts.show(acc.id)]
    expect(ra.tasks).toEqual(rb.tasks)
    expect(Object.keys(ra.tasks)).toEqual(['establish.iors-confirmed', 'evaluate.questionnaire-sent'])
    expect(ra.tasks['evaluate.questionnaire-sent']).toMatchObject({ done: true, by: b.ws.member.id, note: 'mailed' })
    expect(JSON.stringify(ra.ports)).toBe(JSON.stringify(rb.ports))
    expect(ra.ports.map(p => p.name)).toEqual(['Savannah', 'Charleston'])
    await a.close()
    await b.close()
  })
})
