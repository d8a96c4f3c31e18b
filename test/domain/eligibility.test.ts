import { describe, expect, it } from 'vitest'
import { checkEligibility, importsThroughOnePort, type AccountSnapshot, type CriterionResult } from '../../src/domain/index.js'
import { portAccount } from '../helpers/port-account.js'

type Port = { name: string, share?: number, rank?: number, concurrence?: 'yes' | 'no' | 'pending' }
const account = (profile: Record<string, unknown> = {}, ports: Port[] = [], over: Partial<AccountSnapshot> = {}) =>
  portAccount({ stage: 'select', profile, ports: ports.map((p, i) => ({ id: `p${i}`, ...p })), ...over })
const criterion = (a: AccountSnapshot, id: string): CriterionResult => {
  const c = checkEligibility(a).criteria.find(x => x.id === id)
  if (!c) throw new Error(`no criterion ${id}`)
  return c
}
const status = (a: AccountSnapshot, id: string) => criterion(a, id).status

describe('imports more than $10 million annually', () => {
  it('fails at exactly $10,000,000 and passes a dollar above', () => {
    expect(status(account({ importValue: 10_000_000 }), 'import-value')).toBe('fail')
    expect(status(account({ importValue: 10_000_001 }), 'import-value')).toBe('pass')
    expect(status(account({ importValue: 9_500_000 }), 'import-value')).toBe('fail')
  })

  it('is unknown without an import value, naming the field, and names the threshold', () => {
    const c = criterion(account(), 'import-value')
    expect(c).toMatchObject({ status: 'unknown', missing: ['importValue'] })
    expect(c.criterion).toMatch(/\$10 million/)
    expect(c.criterion).toMatch(/10,000,000/)
  })
})

describe('the top 379 are reserved for full-time Account Managers', () => {
  const several = [{ name: 'Savannah', share: 60, rank: 1 }, { name: 'Charleston', share: 40, rank: 2 }]
  const onePort = [{ name: 'Savannah', share: 100, rank: 1 }]

  it('passes outside the top 379 (rank 380) and fails inside (rank 379) at 50% PFI through several ports', () => {
    expect(status(account({ nationalRank: 380, pfiShare: 90 }, several), 'top-379')).toBe('pass')
    const c = criterion(account({ nationalRank: 379, pfiShare: 50 }, several), 'top-379')
    expect(c.status).toBe('fail')
    expect(c.detail).toMatch(/reserved for a full-time Account Manager/)
  })

  it('allows a top-379 account under 50% PFI (49% passes, 50% does not)', () => {
    expect(status(account({ nationalRank: 120, pfiShare: 49 }, several), 'top-379')).toBe('pass')
    expect(status(account({ nationalRank: 120, pfiShare: 49.99 }, several), 'top-379')).toBe('pass')
    expect(status(account({ nationalRank: 120, pfiShare: 50 }, several), 'top-379')).toBe('fail')
  })

  it('allows a top-379 account that imports through one port only', () => {
    const c = criterion(account({ nationalRank: 120, pfiShare: 80 }, onePort), 'top-379')
    expect(c.status).toBe('pass')
    expect(c.detail).toMatch(/one port only/)
  })

  it('says which data is missing when the exception cannot be judged', () => {
    expect(criterion(account({ nationalRank: 120, pfiShare: 80 }), 'top-379')).toMatchObject({ status: 'unknown', missing: ['ports'] })
    expect(criterion(account({ nationalRank: 120 }, several), 'top-379')).toMatchObject({ status: 'unknown', missing: ['pfiShare'] })
    expect(criterion(account({ nationalRank: 120 }), 'top-379')).toMatchObject({ status: 'unknown', missing: ['pfiShare', 'ports'] })
    expect(criterion(account({ pfiShare: 80 }, several), 'top-379')).toMatchObject({ status: 'unknown', missing: ['nationalRank'] })
    // without a rank, an account under 50% PFI passes either way
    expect(status(account({ pfiShare: 30 }), 'top-379')).toBe('pass')
  })

  it('knows when an account imports through one port', () => {
    expect(importsThroughOnePort(account({}, onePort))).toBe(true)
    expect(importsThroughOnePort(account({}, several))).toBe(false)
    expect(importsThroughOnePort(account({}, [{ name: 'Savannah', share: 70 }]))).toBe(false)
    expect(importsThroughOnePort(account({ partnerPorts: ['Charleston'] }))).toBe(false)
    expect(importsThroughOnePort(account())).toBeUndefined()
  })
})

describe('the port: one of the top 5 by value, with 15% or more of the activity', () => {
  it('passes at rank 5, fails at rank 6', () => {
    expect(status(account({}, [{ name: 'Savannah', rank: 5, share: 20 }]), 'port-top-5')).toBe('pass')
    expect(status(account({}, [{ name: 'Savannah', rank: 6, share: 20 }]), 'port-top-5')).toBe('fail')
  })

  it('passes at 15%, fails below', () => {
    const c = criterion(account({}, [{ name: 'Savannah', rank: 2, share: 15 }]), 'port-share')
    expect(c.status).toBe('pass')
    expect(c.criterion).toMatch(/15%/)
    expect(status(account({}, [{ name: 'Savannah', rank: 2, share: 14.9 }]), 'port-share')).toBe('fail')
  })

  it('matches the lead port whatever its case, and names what is missing', () => {
    expect(status(account({}, [{ name: 'SAVANNAH', rank: 1, share: 60 }]), 'port-top-5')).toBe('pass')
    expect(criterion(account(), 'port-top-5')).toMatchObject({ status: 'unknown', missing: ['ports[Savannah].rank'] })
    expect(criterion(account({}, [{ name: 'Savannah', rank: 1 }]), 'port-share')).toMatchObject({ status: 'unknown', missing: ['ports[Savannah].share'] })
    expect(criterion(account({}, [], { leadPort: '' }), 'port-share')).toMatchObject({ status: 'unknown', missing: ['leadPort'] })
  })
})

describe('concurrence of every other top-5 port at or above 15%', () => {
  const lead = { name: 'Savannah', share: 60, rank: 1 }

  it('passes when each such port agreed, and ignores ports below 15% or outside the top 5', () => {
    expect(criterion(account({}, [lead, { name: 'Charleston', share: 25, rank: 2, concurrence: 'yes' }, { name: 'Norfolk', share: 15, rank: 3, concurrence: 'yes' }]), 'concurrence'))
      .toMatchObject({ status: 'pass', detail: expect.stringMatching(/Charleston \(25%\) agreed; Norfolk \(15%\) agreed/) })
    expect(status(account({}, [lead, { name: 'Charleston', share: 14, rank: 2 }, { name: 'Miami', share: 20, rank: 6 }, { name: 'Norfolk', share: 6, rank: 3 }]), 'concurrence')).toBe('pass')
  })

  it('fails when a port refused; is unknown while one at exactly 15% has not answered', () => {
    expect(status(account({}, [lead, { name: 'Charleston', share: 25, rank: 2, concurrence: 'no' }]), 'concurrence')).toBe('fail')
    expect(criterion(account({}, [lead, { name: 'Charleston', share: 25, rank: 2, concurrence: 'yes' }, { name: 'Norfolk', share: 15, rank: 3, concurrence: 'pending' }]), 'concurrence'))
      .toMatchObject({ status: 'unknown', missing: ['ports[Norfolk].concurrence'] })
  })

  it('is unknown when shares are missing or too much of the imports is unaccounted for', () => {
    expect(criterion(account({}, [lead, { name: 'Charleston', rank: 2 }]), 'concurrence')).toMatchObject({ status: 'unknown', missing: ['ports[Charleston].share', 'ports'] })
    expect(criterion(account({}, [lead]), 'concurrence')).toMatchObject({ status: 'unknown', missing: ['ports'] })
    expect(status(account({}, [{ name: 'Savannah', share: 90, rank: 1 }]), 'concurrence')).toBe('pass') // the other 10% cannot reach 15%
    expect(criterion(account(), 'concurrence')).toMatchObject({ status: 'unknown', missing: ['ports'] })
  })
})

describe('the whole check', () => {
  const complete = account({ importValue: 25_000_000, nationalRank: 1200, pfiShare: 60 }, [
    { name: 'Savannah', share: 60, rank: 1 }, { name: 'Charleston', share: 40, rank: 2, concurrence: 'yes' }
  ])

  it('passes when every requirement passes; the PFI goal does not decide', () => {
    const r = checkEligibility(complete)
    expect(r).toMatchObject({ basis: 'port', result: 'pass' })
    expect(r.criteria.map(c => c.id)).toEqual(['import-value', 'top-379', 'port-top-5', 'port-share', 'concurrence', 'pfi-goal'])
    const lowPfi = checkEligibility({ ...complete, profile: { ...complete.profile, pfiShare: 30 } })
    expect(lowPfi.criteria.find(c => c.id === 'pfi-goal')).toMatchObject({ status: 'fail', advisory: true })
    expect(lowPfi.result).toBe('pass')
  })

  it('fails on any failure, else is unknown on any unknown', () => {
    expect(checkEligibility({ ...complete, profile: { ...complete.profile, importValue: 10_000_000 } }).result).toBe('fail')
    expect(checkEligibility({ ...complete, profile: { importValue: 25_000_000 } }).result).toBe('unknown')
  })

  it('uses the full-time Account Manager criteria for a national account', () => {
    const national = (profile: Record<string, unknown>) => checkEligibility(account(profile, [], { kind: 'national' }))
    expect(national({ nationalRank: 379, pfiShare: 50 })).toMatchObject({ basis: 'national', result: 'pass' })
    expect(national({ nationalRank: 380, pfiShare: 50 }).result).toBe('fail')
    expect(national({ nationalRank: 10, pfiShare: 49 }).result).toBe('fail')
    expect(national({})).toMatchObject({ result: 'unknown', criteria: [{ missing: ['nationalRank'] }, { missing: ['pfiShare'] }] })
    expect(checkEligibility(account({ nationalRank: 10, pfiShare: 49 }, [], { kind: 'national' }), 'port').basis).toBe('port')
  })
})
