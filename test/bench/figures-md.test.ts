// docs/benchmark-figures.md is written by `npm run bench`, never by hand: a run replaces the sections of the
// suites it ran, each dated with its own run, and keeps the others as they were measured.
import { describe, expect, it } from 'vitest'
import { figuresDoc } from '../../bench/figures-md.js'

const machine = { node: 'v20.20.2', cpus: 2, cpu: 'AMD EPYC', memoryGiB: 24, loadAtStart: 3.5 }

describe('the benchmark figures document', () => {
  it('replaces the suites of a run and keeps the others with their own dates', () => {
    const first = figuresDoc('', {
      at: '2026-12-05T08:00:00.000Z',
      machine,
      suites: {
        kb: { figures: [{ name: 'query p95', value: 0.59, unit: 'ms', goal: 2, goalText: '≤ 2 ms', met: true }] },
        sync: { figures: [{ name: 'edit visible p95', value: 3.1, unit: 'ms', target: 1, targetText: '≤ 1 ms', issue: '#99', reached: false }] }
      }
    })
    expect(first).toContain('Measured 2026-12-05 08:00 UTC on 2 × AMD EPYC, 24 GiB, Node v20.20.2, load average 3.5 when the run started')
    expect(first).toContain('| query p95 | 0.59 ms | ≤ 2 ms | met |')
    expect(first).toContain('| edit visible p95 | 3.1 ms | ≤ 1 ms (target of open issue #99) | not yet |')

    const second = figuresDoc(first, {
      at: '2026-12-06T09:30:00.000Z',
      machine,
      suites: { kb: { figures: [{ name: 'query p95', value: 2.5, unit: 'ms', goal: 2, goalText: '≤ 2 ms', met: false }] } }
    })
    expect(second).toContain('| query p95 | 2.5 ms | ≤ 2 ms | **missed** |')
    expect(second).not.toContain('0.59 ms')
    expect(second).toContain('Measured 2026-12-06 09:30 UTC')
    expect(second).toContain('Measured 2026-12-05 08:00 UTC') // sync, from the first run
    expect(second.indexOf('## kb')).toBeLessThan(second.indexOf('## sync'))
    expect(second.match(/## kb/g)).toHaveLength(1)
  })
})
