import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/home.js'
import { pat, patJson } from '../helpers/cli.js'

describe('pat search and pat show', () => {
  it('answers the acceptance questions from the shipped documents', async () => {
    const H = await tempDir()
    const cadence = await patJson(H, ['search', 'how often review the account profile', '--limit', '3'])
    expect(cadence.length).toBeLessThanOrEqual(3)
    expect(cadence.some((h: any) => h.text.includes('at least every 2 years'))).toBe(true)
    for (const h of cadence) expect(Object.keys(h).sort()).toEqual(['excerpt', 'id', 'score', 'source', 'text', 'title', 'trail'])

    const typo = await patJson(H, ['search', 'clasification'])
    expect(typo.slice(0, 3).some((h: any) => /Classification/.test(h.text) && /Valuation/.test(h.text))).toBe(true)

    const pfi = await patJson(H, ['search', 'PFI'])
    expect(pfi.slice(0, 3).some((h: any) => /Primary Focus Industr/i.test(h.text))).toBe(true)
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
