import { describe, expect, it } from 'vitest'
import { InputError, checkIorsUnique, iorKind, parseIor, parseIors } from '../../src/domain/index.js'

describe('IR# validation', () => {
  it.each([
    ['12-3456789', 'irs'], ['12-345678900', 'irs'], ['123-45-6789', 'ssn'], ['021234-12345', 'cbp'], [' 12-3456789 ', 'irs']
  ])('accepts %s as %s', (ior, kind) => {
    expect(iorKind(parseIor(ior))).toBe(kind)
  })

  it.each(['123456789', '12-345678', '1-23456789', 'AB-1234567', '12-3456789-0', ''])('rejects %j with the accepted forms', bad => {
    expect(() => parseIor(bad)).toThrow(/invalid IR#.*12-3456789/)
  })

  it('rejects a number listed twice', () => {
    expect(() => parseIors(['12-3456789', '12-3456789'])).toThrow(/listed twice/)
  })

  it('rejects a number another account already uses, naming that account', () => {
    const owners = new Map([['12-3456789', 'Harbor Imports']])
    expect(() => checkIorsUnique(['12-3456789'], owners)).toThrow(InputError)
    expect(() => checkIorsUnique(['12-3456789'], owners)).toThrow(/Harbor Imports/)
    expect(checkIorsUnique(['98-7654321'], owners)).toEqual(['98-7654321'])
  })
})
