import { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { COMMAND_GROUPS, groupsFor } from '../../src/cli/commands/index.js'
import type { CliContext } from '../../src/cli/context.js'

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

  it('loads the groups of the first word, the workspace group for none, and every group otherwise', () => {
    expect(groupsFor('account', ['account', 'list']).map(g => g.names[0])).toEqual(['account', 'due'])
    expect(groupsFor('due', ['due'])).toHaveLength(1)
    expect(groupsFor(undefined, [])).toEqual([COMMAND_GROUPS[0]])
    expect(groupsFor(undefined, ['--version'])).toEqual([COMMAND_GROUPS[0]])
    expect(groupsFor(undefined, ['--help'])).toBe(COMMAND_GROUPS)
    expect(groupsFor('acount', ['acount', 'list'])).toBe(COMMAND_GROUPS)
    expect(groupsFor('help', ['help', 'account'])).toBe(COMMAND_GROUPS)
  })
})
