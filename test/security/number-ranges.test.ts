// Issue 15, "Numbers": every number a command takes is checked against its range and said so in one line —
// never rounded, never an internal error from a date library, never a silently empty answer.
import { describe, expect, it } from 'vitest'
import { pat, stderrLines } from '../helpers/cli.js'
import { initHome } from '../helpers/home.js'

const home = () => initHome('Ana Lima', { accounts: ['Harbor Imports'] })

describe('number ranges', { timeout: 120_000 }, () => {
  it('a period for `due --within` beyond 100 years is refused in one line (it was an internal error)', async () => {
    const h = await home()
    for (const within of ['99999999999y', '1201m', '5219w', '36526d', '9999999999999999999999']) {
      const r = await pat(h, ['due', '--within', within])
      expect(r.code, within).toBe(1)
      expect(stderrLines(r)).toEqual([expect.stringMatching(new RegExp(`^error: the period "${within}" is too long: at most 100 years`))])
    }
    for (const within of ['100y', '1200m', '36525d', '0d']) expect((await pat(h, ['due', '--within', within])).code, within).toBe(0)
  })

  it('`log --limit` and `search --limit` take whole numbers from 1', async () => {
    const h = await home()
    for (const args of [['log', 'Harbor', '--limit', '0'], ['log', 'Harbor', '--limit', '-1'], ['search', 'review', '--limit', '0'], ['search', 'review', '--limit', '1e20']]) {
      const r = await pat(h, args)
      expect(r.code, args.join(' ')).toBe(1)
      expect(stderrLines(r)).toEqual([expect.stringMatching(/^error: invalid --limit "[^"]+": use a whole number from 1/)])
    }
    const one = await pat(h, ['log', 'Harbor', '--limit', '1'])
    expect(one.stdout.trim().split('\n')).toHaveLength(1)
  })
})
