import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ACCOUNT_HEADER_FIELDS } from '../../src/domain/index.js'
import { AccountDirectory } from '../../src/store/directory.js'
import { initContainers, writeFields } from '../../src/store/fields.js'
import { workspaceRoots } from '../../src/store/schema.js'

function workspace () {
  const doc = new Y.Doc()
  doc.clientID = 1
  return { doc, accounts: workspaceRoots(doc).accounts }
}

function put (accounts: Y.Map<Y.Map<unknown>>, id: string, name: string) {
  let entry = accounts.get(id)
  if (!entry) {
    entry = new Y.Map<unknown>()
    accounts.set(id, entry)
    initContainers(entry, ACCOUNT_HEADER_FIELDS)
  }
  writeFields(entry, ACCOUNT_HEADER_FIELDS, { name })
}

describe('the account directory', () => {
  it('patches the list it started from with the accounts changed since, in the order a full sort gives', () => {
    const { doc, accounts } = workspace()
    const names = ['Harbor Imports', 'acme textiles', 'Zenith Freight', 'Baltic Goods', 'Älvsby Trä', 'harbor imports']
    for (let i = 0; i < 40; i++) put(accounts, `a${i}`, `${names[i % names.length]} ${i % 7}`)
    const dir = AccountDirectory.live(accounts)
    const before = [...dir.list()]
    let state = 11
    const random = (n: number) => { state = (state * 1103515245 + 12345) % 2 ** 31; return state % n }
    doc.transact(() => {
      for (let i = 0; i < 15; i++) put(accounts, `a${random(40)}`, `${names[random(names.length)]} ${random(3)}`) // renames, some to a name already taken
      for (let i = 40; i < 45; i++) put(accounts, `a${i}`, `${names[random(names.length)]} new`)
      accounts.delete('a3')
    })
    const patched = dir.listFrom(before)
    expect(patched).toEqual(AccountDirectory.live(accounts).list())
    expect(patched.map(h => h.id)).not.toContain('a3')
    expect(patched).toHaveLength(44)
  })

  it('a fixed directory serves the stored list as it is', () => {
    const { accounts } = workspace()
    for (const [id, name] of [['b', 'Beta'], ['a', 'Alpha']]) put(accounts, id!, name!)
    const list = AccountDirectory.live(accounts).list()
    const fixed = AccountDirectory.fixed(list)
    expect(fixed.list()).toBe(list)
    expect(fixed.get('b')).toEqual(list[1])
    expect(fixed.get('zzz')).toBeUndefined()
    expect(fixed.ids()).toEqual(['a', 'b'])
  })
})
