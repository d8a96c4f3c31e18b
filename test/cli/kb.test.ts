import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/home.js'
import { pat, patJson, stderrLines } from '../helpers/cli.js'

describe('pat search and pat show', () => {
  it('answers the acceptance questions from the shipped documents', async () => {
    const H = await tempDir()
    const cadence = await patJson(H, ['search', 'how often review the account profile', '--limit', '3'])
    expect(cadence.length).toBeLessThanOrEqual(3)
    expect(cadence.some((h: any) => h.text.includes('at least every 2 years'))).toBe(true)
    for (const h of cadence) expect(Object.keys(h).filter(k => k !== 'part' && k !== 'partOf').sort()).toEqual(['excerpt', 'id', 'score', 'source', 'text', 'title', 'trail'])

    const typo = await patJson(H, ['search', 'clasification'])
    expect(typo.slice(0, 3).some((h: any) => /Classification/.test(h.text) && /Valuation/.test(h.text))).toBe(true)

    const pfi = await patJson(H, ['search', 'PFI'])
    expect(pfi.slice(0, 3).some((h: any) => /Primary Focus Industr/i.test(h.text))).toBe(true)
  })

  it('prints results wrapped at word boundaries, parts labelled, a definition card above, and no broken Markdown', async () => {
    const H = await tempDir()
    const out = await pat(H, ['search', 'recordkeeping requirements policy statement', '--limit', '8'], { COLUMNS: '60' })
    expect(out.code).toBe(0)
    // A `pat show ID` line is a command to copy: it stays whole.
    for (const line of out.stdout.split('\n').filter(l => !l.startsWith('   pat show '))) expect(line.length).toBeLessThanOrEqual(60)
    expect(out.stdout).toMatch(/\(part \d of \d\)/)
    expect(out.stdout).not.toMatch(/\*{3,}/)
    // Every mark is closed on its line: wrapping never splits **…**.
    for (const line of out.stdout.split('\n')) expect((line.match(/\*\*/g) ?? []).length % 2, line).toBe(0)
    const json = await patJson(H, ['search', 'recordkeeping requirements policy statement', '--limit', '8'])
    const keys = json.map((h: any) => `${h.title}|${h.part ?? ''}|${h.trail.join('>')}`)
    expect(new Set(keys).size).toBe(keys.length)
    const cip = await pat(H, ['search', 'CIP contents'], { COLUMNS: '80' })
    expect(cip.stdout).not.toContain('****')
    const card = await pat(H, ['search', 'how often must the account profile be reviewed'])
    expect(card.stdout.split('\n')[0]).toMatch(/^Account Profile: A document/)
    expect(card.stdout).toMatch(/1\. 1\. Create or Obtain an Account Profile/)
  })

  it('opens the SOP passage behind a task, a checklist item or a due rule with show --for', async () => {
    const H = await tempDir()
    const task = await patJson(H, ['show', '--for', 'evaluate.profile'])
    expect(task.text).toContain('Review account profile at least every 2 years')
    const item = await patJson(H, ['show', '--for', 'Valuation'])
    expect(item.text).toMatch(/value/i)
    expect(item.title).not.toBe('Checklist Form')
    const rule = await pat(H, ['show', '--for', 'plan-review'], { COLUMNS: '80' })
    expect(rule.code).toBe(0)
    expect(rule.stdout).toMatch(/reviewed with the account at least\s+annually/)
    const bad = await pat(H, ['show', '--for', 'frobnicate'])
    expect(bad.code).not.toBe(0)
    expect(stderrLines(bad)).toHaveLength(1)
    expect(bad.stderr).toMatch(/not a lifecycle task, checklist item or due rule/)
  })

  it('renders a section readably at 80 columns, and raw Markdown with --raw', async () => {
    const H = await tempDir()
    const [first] = await patJson(H, ['search', 'how often review the account profile'])
    const shown = await pat(H, ['show', first.id], { COLUMNS: '80' })
    expect(shown.code).toBe(0)
    expect(shown.stdout).not.toMatch(/\x1b\[/) // no colour codes in a pipe
    for (const line of shown.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80)
    expect(shown.stdout).toContain(first.title)
    const raw = await pat(H, ['show', first.id, '--raw'])
    expect(raw.stdout.startsWith(`# ${first.title}`)).toBe(true)
  })

  it('lists a section\'s sub-sections with the command that shows each, and in --json', async () => {
    const H = await tempDir()
    const [first] = await patJson(H, ['search', 'what are the 5 steps of account management'])
    expect(first.id).toBe('sop/introduction/the-process')
    const shown = await pat(H, ['show', first.id], { COLUMNS: '60' })
    expect(shown.code).toBe(0)
    const list = shown.stdout.slice(shown.stdout.indexOf('In this section:'))
    expect(list.split('\n').filter(l => l.startsWith('  - ')).map(l => l.slice(4))).toEqual([
      '1. Select an importer for AM participation', '2. Establish the Account', '3. Evaluate the Account',
      '4. Improve Account Compliance', '5. Manage the Account'
    ])
    expect(list).toContain('    pat show sop/introduction/the-process/establish-the-account')
    const json = await patJson(H, ['show', first.id])
    expect(json.subSections.map((s: { id: string }) => s.id)).toContain('sop/introduction/the-process/manage-the-account')
    // The section as plain data: its text (read from the index file when asked for), not where it was stored.
    expect(json).toMatchObject({ id: first.id, title: first.title, text: first.text })
    expect(json.text.length).toBeGreaterThan(20)
    expect(json).not.toHaveProperty('stored')
    expect(json).not.toHaveProperty('sentenceTerms')
    // A section without sub-sections says nothing of them; --raw stays the Markdown alone.
    const leaf = await pat(H, ['show', 'sop/introduction/the-process/manage-the-account'])
    expect(leaf.stdout).not.toContain('In this section')
    expect((await patJson(H, ['show', 'sop/introduction/the-process/manage-the-account'])).subSections).toEqual([])
    expect((await pat(H, ['show', first.id, '--raw'])).stdout).not.toContain('In this section')
  })

  it('names the nearest ids for an unknown one, and suggests terms when nothing is found', async () => {
    const H = await tempDir()
    const unknown = await pat(H, ['show', 'sop/no-such-section'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/unknown section "sop\/no-such-section"; nearest: sop\//)
    const none = await pat(H, ['search', 'zzqxw'])
    expect(none.code).toBe(0)
    expect(none.stdout).toMatch(/No results for "zzqxw"/)
  })

  it('searches the team\'s own Markdown in the workspace, marked local', async () => {
    const H = await tempDir()
    await mkdir(join(H, 'kb'), { recursive: true })
    await writeFile(join(H, 'kb', 'savannah.md'), '---\ntitle: Savannah local procedures\nid: savannah\n---\n# Savannah local procedures\n\n## Reefer exams\n\nRefrigerated containers are examined at the Garden City terminal.\n')
    const hits = await patJson(H, ['search', 'refrigerated container exams'])
    expect(hits[0]).toMatchObject({ id: 'savannah/reefer-exams', local: true, source: 'Savannah local procedures' })
    const text = await pat(H, ['search', 'refrigerated container exams'])
    expect(text.stdout).toMatch(/Reefer exams\s+\(local\)/)
  })

  it('rejects a bad --limit with one line', async () => {
    const H = await tempDir()
    const r = await pat(H, ['search', 'profile', '--limit', 'x'])
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe('error: invalid --limit "x": use a whole number from 1')
  })
})
