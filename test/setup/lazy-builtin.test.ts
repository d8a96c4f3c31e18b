// The stand-in the CommonJS entries require for node:crypto and node:child_process (scripts/lazy-builtin.js):
// the real module loads on the first use of any of its names, and the stand-in then answers as it does.
import * as crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { lazyModule } from '../../scripts/lazy-builtin.js'

type Crypto = typeof crypto

describe('lazyModule', () => {
  const counted = () => {
    let loads = 0
    const mod = lazyModule(() => { loads++; return crypto }) as Crypto
    return { mod, loads: () => loads }
  }

  it('loads nothing until a name is used, then once', () => {
    const { mod, loads } = counted()
    expect(loads()).toBe(0)
    expect(mod.createHash('sha256').update('pat').digest('hex')).toBe(crypto.createHash('sha256').update('pat').digest('hex'))
    expect(mod.randomBytes(8)).toHaveLength(8)
    expect(loads()).toBe(1)
  })

  it('answers as the module: names, values, presence, listing, descriptors', () => {
    const { mod } = counted()
    const { webcrypto, createHash } = mod
    expect(webcrypto).toBe(crypto.webcrypto)
    expect(createHash).toBe(crypto.createHash)
    expect('randomUUID' in mod).toBe(true)
    expect('noSuchThing' in mod).toBe(false)
    expect(Object.keys(mod).sort()).toEqual(Object.keys(crypto).sort())
    expect(Object.getOwnPropertyDescriptor(mod, 'createHash')?.value).toBe(crypto.createHash)
    expect({ ...mod }.createHash).toBe(crypto.createHash)
  })

  it('a failing load fails at the first use, with its own error', () => {
    const mod = lazyModule(() => { throw new Error('no such module') }) as Record<string, unknown>
    expect(() => mod.anything).toThrow('no such module')
  })
})
