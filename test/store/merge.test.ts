import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readField, writeField } from '../../src/store/fields.js'
import { setText } from '../../src/store/text.js'
import { ACCOUNT_FIELDS } from '../../src/domain/index.js'
import { newStore, sharedAccount, syncStores } from '../helpers/store.js'

const spec = (key: string) => ACCOUNT_FIELDS.find(s => s.key === key)!

function pair () {
  const a = new Y.Doc(); a.clientID = 1
  const b = new Y.Doc(); b.clientID = 2
  const exchange = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  }
  return { a, b, exchange }
}

describe('field storage merges without loss', () => {
  it('keeps both members\' additions to a list field, even when both write it first', () => {
    const { a, b, exchange } = pair()
    writeField(a.getMap('p'), spec('partnerPorts'), ['Seattle'])
    writeField(b.getMap('p'), spec('partnerPorts'), ['Norfolk'])
    exchange()
    writeField(a.getMap('p'), spec('partnerPorts'), ['Seattle', 'Norfolk', 'Tacoma'])
    writeField(b.getMap('p'), spec('partnerPorts'), ['Seattle', 'Portland'])
    exchange()
    expect(a.getMap('p').toJSON()).toEqual(b.getMap('p').toJSON())
    // B removed Norfolk while A kept it: the removal wins; both additions survive.
    expect([...readField(a.getMap('p'), spec('partnerPorts')) as string[]].sort()).toEqual(['Portland', 'Seattle', 'Tacoma'])
  })

  it('merges concurrent edits to different parts of a paragraph', () => {
    const { a, b, exchange } = pair()
    setText(a.getText('t'), 'The account has two divisions.')
    exchange()
    setText(a.getText('t'), 'The account has two autonomous divisions.')
    setText(b.getText('t'), 'The account has two divisions. Customs business is central.')
    exchange()
    expect(a.getText('t').toString()).toBe('The account has two autonomous divisions. Customs business is central.')
    expect(b.getText('t').toString()).toBe(a.getText('t').toString())
  })
})

describe('two replicas of a workspace', () => {
  it('converge to the same JSON after concurrent edits, keeping every edit', async () => {
    const { ana: a, bo: b, account: acc } = await sharedAccount()

    await a.plan.items.add(acc.id, { title: 'Item from Ana', priority: 'high', due: '2027-01-10' })
    await a.checklist.set(acc.id, 'compliance.B', 'yes')
    await a.accounts.set(acc.id, { leadPort: 'Savannah', partnerPorts: ['Charleston'] })
    await b.plan.items.add(acc.id, { title: 'Item from Bo', priority: 'low', due: '2027-02-10' })
    await b.checklist.set(acc.id, 'business.A', 'na', 'broker files')
    await b.accounts.set(acc.id, { stage: 'establish', partnerPorts: ['Norfolk'] })
    await b.accounts.add({ name: 'Bo\'s New Account', iors: ['22-3334445'] })
    await syncStores(a, b)

    const sa = await a.accounts.show(acc.id)
    const sb = await b.accounts.show(acc.id)
    expect(sa).toEqual(sb)
    expect(sa.plan.items.map(i => i.title)).toEqual(['Item from Ana', 'Item from Bo'])
    expect(sa).toMatchObject({ leadPort: 'Savannah', stage: 'establish' })
    expect(sa.profile.partnerPorts).toEqual(expect.arrayContaining(['Charleston', 'Norfolk']))
    expect(sa.checklist.filter(r => r.answer).map(r => r.name)).toEqual(['compliance.B', 'business.A'])
    expect(await a.accounts.list()).toEqual(await b.accounts.list())
    const logA = await a.ws.log(acc.id)
    expect(logA).toEqual(await b.ws.log(acc.id))
    expect(new Set(logA.map(e => e.byName))).toEqual(new Set(['Ana Lima', 'Bo Chen']))
    await a.close(); await b.close()
  })

  it('never undoes a peer\'s edit', async () => {
    const a = await newStore('Ana Lima')
    const b = await newStore('Bo Chen')
    const acc = await a.accounts.add({ name: 'Shared Harbor Co' })
    await syncStores(a, b)
    await a.accounts.set(acc.id, { leadPort: 'Savannah' })
    await b.checklist.set(acc.id, 'compliance.A', 'yes')
    await syncStores(a, b)
    await a.ws.undo()
    const shown = await a.accounts.show(acc.id)
    expect(shown.leadPort).toBe('')
    expect(shown.checklist[0]!.answer).toBe('yes')
    await a.close(); await b.close()
  })
})
