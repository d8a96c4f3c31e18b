import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/home.js'
import { pat, patJson, stderrLines } from '../helpers/cli.js'

describe('pat, as a team member uses it', () => {
  it('runs the foundation walk-through and logs each change with author and time', async () => {
    const H = await tempDir()
    const init = await pat(H, ['init', '--name', 'Dana Ruiz'])
    expect(init.code).toBe(0)
    expect(init.stdout).toMatch(/you are Dana Ruiz/)
    expect((await stat(join(H, 'identity', 'member.key'))).mode & 0o777).toBe(0o600)

    const acc = await patJson(H, ['account', 'add', '--name', 'Harbor Imports', '--ior', '12-3456789'])
    expect(acc).toMatchObject({ name: 'Harbor Imports', iors: ['12-3456789'], stage: 'select' })
    expect((await pat(H, ['checklist', 'set', acc.id, 'compliance.A', 'yes'])).code).toBe(0)
    const refused = await pat(H, ['checklist', 'set', acc.id, 'business.C', 'na'])
    expect(refused.code).toBe(1)
    expect(stderrLines(refused)).toHaveLength(1)
    expect(refused.stderr).toMatch(/reason/)
    expect((await pat(H, ['checklist', 'set', acc.id, 'business.C', 'na', '--reason', 'no remote filing'])).code).toBe(0)
    expect((await pat(H, ['plan', 'add', acc.id, '--title', 'Classification review', '--priority', 'high', '--owner', 'Dana Ruiz', '--due', '2027-03-15'])).code).toBe(0)

    const shown = await patJson(H, ['account', 'show', acc.id])
    expect(shown.checklist.find((r: any) => r.name === 'business.C')).toMatchObject({ answer: 'na', reason: 'no remote filing' })
    expect(shown.plan.items[0]).toMatchObject({ title: 'Classification review', priority: 'high', owner: 'Dana Ruiz', due: '2027-03-15' })

    const log = await pat(H, ['log', acc.id])
    const lines = log.stdout.trim().split('\n')
    expect(lines).toHaveLength(4)
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} {2}Dana Ruiz {2}/)
  })

  it.each([
    [['account', 'add', '--name', 'Bad', '--ior', '123'], /invalid IR# "123"/],
    [['account', 'add', '--ior', '12-3456789'], /Name is required/],
    [['plan', 'add', 'harbor', '--title', 'x', '--priority', 'high', '--due', '2027-02-30'], /no such calendar day/],
    [['plan', 'add', 'harbor', '--title', 'x', '--priority', 'urgent'], /use one of high, medium, low/],
    [['account', 'show', 'no-such-account'], /unknown account "no-such-account"/],
    [['checklist', 'set', 'harbor', 'compliance.Z', 'yes'], /compliance.A to compliance.K/]
  ])('rejects %j with one clear line and a non-zero exit', async (args, message) => {
    const H = await tempDir()
    await pat(H, ['init', '--name', 'Dana Ruiz'])
    await pat(H, ['account', 'add', '--name', 'Harbor Imports'])
    const r = await pat(H, args)
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(message)
    expect(stderrLines(r)).toHaveLength(1)
    expect(r.stdout).toBe('')
  })

  it('explains a missing workspace and a usage error', async () => {
    const H = await tempDir()
    const none = await pat(H, ['account', 'list'])
    expect(none.code).toBe(3)
    expect(none.stderr).toMatch(/no workspace in .*pat init --name/)
    const usage = await pat(H, ['account', 'add', '--colour', 'red'])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/unknown option '--colour'/)
  })

  it('prints help for every command group', async () => {
    const H = await tempDir()
    for (const group of ['account', 'contact', 'checklist', 'plan', 'cip', 'event', 'location', 'related', 'log', 'backup', 'doctor', 'team', 'demo', 'init', 'serve']) {
      const r = await pat(H, [group, '--help'])
      expect(r.code, group).toBe(0)
      expect(r.stdout, group).toMatch(/Usage: pat/)
    }
  })

  it('creates a default workspace on first run and shows the summary; demo adds sample accounts once', async () => {
    const H = await tempDir()
    const first = await pat(H, [], { PAT_NAME: 'New Person' })
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/Created a new workspace/)
    expect(first.stdout).toMatch(/Member: New Person/)
    const demo = await pat(H, ['demo'])
    expect(demo.stdout).toMatch(/added 3 demo accounts/)
    expect((await pat(H, ['demo'])).stdout).toMatch(/already here/)
    const list = await patJson(H, ['account', 'list'])
    expect(list).toHaveLength(3)
    expect(list.every((a: any) => typeof a.openItems === 'number')).toBe(true)
    const status = await patJson(H, ['status'])
    expect(status).toMatchObject({ accounts: 3, member: 'New Person' })
  })

  it('edits contacts, CIPs, events and plan details, and archives', async () => {
    const H = await tempDir()
    await pat(H, ['init', '--name', 'Dana Ruiz'])
    const acc = await patJson(H, ['account', 'add', '--name', 'Harbor Imports', '--partner-ports', 'Tacoma,Seattle', '--import-value', '12M'])
    expect(acc.profile).toMatchObject({ partnerPorts: ['Tacoma', 'Seattle'], importValue: 12_000_000 })
    const c = await patJson(H, ['contact', 'add', 'Harbor', '--name', 'Lee Park', '--side', 'customs', '--email', 'lee@example.gov'])
    await patJson(H, ['contact', 'set', 'Harbor', '1', '--phone', '555-0100'])
    expect((await patJson(H, ['contact', 'list', 'Harbor']))[0]).toMatchObject({ id: c.id, phone: '555-0100' })
    const cip = await patJson(H, ['cip', 'add', 'Harbor', '--deficiency', 'Misclassified parts', '--report-date', '2026-08-31'])
    expect(cip.conditionalPeriodEnd).toBe('2027-02-28')
    const ext = await patJson(H, ['cip', 'extend', 'Harbor', cip.id, '--until', '2027-05-31', '--reason', 'significant progress'])
    expect(ext.conditionalPeriodEnd).toBe('2027-05-31')
    await patJson(H, ['event', 'add', 'Harbor', '--type', 'meeting', '--date', '2026-11-20', '--title', 'Kick-off'])
    const info = await patJson(H, ['plan', 'info', 'Harbor', '--scope', 'Classification and valuation.', '--period-start', '2026-10-01'])
    expect(info).toMatchObject({ scope: 'Classification and valuation.', periodStart: '2026-10-01' })
    await patJson(H, ['contact', 'rm', 'Harbor', 'Lee Park'])
    expect(await patJson(H, ['contact', 'list', 'Harbor'])).toEqual([])
    const iors = await patJson(H, ['account', 'set', 'Harbor', '--ior', '12-3456789', '--add-ior', '12-3456780', '--add-ior', '12-3456781', '--remove-ior', '12-3456789'])
    expect(iors.iors).toEqual(['12-3456780', '12-3456781'])
    await patJson(H, ['account', 'archive', 'Harbor'])
    expect(await patJson(H, ['account', 'list'])).toEqual([])
    expect(await patJson(H, ['account', 'list', '--archived'])).toHaveLength(1)
  })
})
