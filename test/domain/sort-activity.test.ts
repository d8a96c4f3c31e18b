// The log's order: by place in the log; at one instant the lines derived from edits (a conflict, concurrent
// text edits) after the edits they tell of, whoever's id sorts first; then by author.
import { describe, expect, it } from 'vitest'
import { sortActivity, type ActivityEntry } from '../../src/domain/index.js'

const entry = (at: string, by: string, action: string): ActivityEntry => ({ at, order: at, by, byName: by, action, summary: `${action} by ${by}` })
const T = '2026-12-06T02:30:18.506Z'

describe('sortActivity', () => {
  it.each([
    ['a conflict named for the member whose id sorts first', [entry(T, 'B', 'conflict'), entry(T, 'B', 'account.set'), entry(T, 'A', 'account.set')], ['account.set by A', 'account.set by B', 'conflict by B']],
    ['a conflict kept by the earlier writer', [entry(T, 'A', 'conflict'), entry(T, 'Z', 'account.set')], ['account.set by Z', 'conflict by A']],
    ['concurrent text edits', [entry(T, 'A', 'concurrent-text'), entry(T, 'B', 'account.set')], ['account.set by B', 'concurrent-text by A']],
    ['an earlier instant first, derived or not', [entry(T, 'A', 'account.set'), entry('2026-12-06T02:30:18.505Z', 'B', 'conflict')], ['conflict by B', 'account.set by A']]
  ])('%s', (_name, entries, expected) => {
    expect(sortActivity(entries).map(e => e.summary)).toEqual(expected)
    expect(sortActivity([...entries].reverse()).map(e => e.summary)).toEqual(expected)
  })
})
