import { readFileSync } from 'node:fs'
import { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { COMMAND_GROUPS, groupsFor } from '../../src/cli/commands/index.js'
import type { CliContext } from '../../src/cli/context.js'
import { LITE_GROUPS } from '../../src/cli/lite.js'

// A command line loads only the command groups its first word names (start-up time, docs/startup.md), so
// each group's `names` must be exactly the top-level commands it registers.
const ctx = { io: {}, argv: [], home: () => '' } as unknown as CliContext

describe('the command table loaded by group', () => {
  it('names, for each group, the top-level commands it registers', async () => {
    for (const group of COMMAND_GROUPS) {
      const program = new Command('pat')
      ;(await group.load())(program, ctx)
      expect(program.commands.map(c => c.name()).sort(), group.names.join(' ')).toEqual([...group.names].sort())
    }
  })

  it('loads the groups of the first word, the status group for none, and every group otherwise', () => {
    expect(groupsFor('account', ['account', 'list']).map(g => g.names[0])).toEqual(['account', 'due'])
    expect(groupsFor('due', ['due'])).toHaveLength(1)
    expect(groupsFor(undefined, []).map(g => g.names)).toEqual([['status']])
    expect(groupsFor(undefined, ['--version']).map(g => g.names)).toEqual([['status']])
    expect(groupsFor(undefined, ['--help'])).toBe(COMMAND_GROUPS)
    expect(groupsFor('acount', ['acount', 'list'])).toBe(COMMAND_GROUPS)
    expect(groupsFor('help', ['help', 'account'])).toBe(COMMAND_GROUPS)
  })

  it('gives the lite entry (bin/pat.cjs sends these words there) the same groups as the full table', async () => {
    const names = async (registers: ReadonlyArray<(p: Command, c: CliContext) => void>) => {
      const program = new Command('pat')
      for (const register of registers) register(program, ctx)
      return program.commands.map(c => `${c.name()}: ${c.commands.map(s => s.name()).join(' ')}`)
    }
    for (const [word, registers] of Object.entries(LITE_GROUPS)) {
      const full = await Promise.all(groupsFor(word, [word]).map(g => g.load()))
      expect(await names(registers), word).toEqual(await names(full))
    }
    const bin = readFileSync(new URL('../../bin/pat.cjs', import.meta.url), 'utf8')
    const words = /const LITE = new Set\(\[([^\]]*)\]\)/.exec(bin)?.[1]?.match(/'[\w-]+'/g)?.map(w => w.slice(1, -1))
    expect(words?.sort()).toEqual(Object.keys(LITE_GROUPS).sort())
  })
})
