import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { plainSection, readIndexFile } from '../../src/kb/index-file.js'
import { loadIndex } from '../../src/kb/load.js'
import { search } from '../../src/kb/search.js'
import { tempDir } from '../helpers/home.js'

describe('loading the index', () => {
  it('adds a team\'s own Markdown, marked local, and rebuilds when a file changes', async () => {
    const home = await tempDir()
    const kb = join(home, 'kb')
    await mkdir(kb)
    const file = join(kb, 'port.md')
    await writeFile(file, '# Port procedures\n\n## Reefer exams\n\nRefrigerated containers are examined at the north terminal.\n')
    const first = await loadIndex(kb)
    expect(search(first, 'refrigerated containers')[0]).toMatchObject({ id: 'local/port/reefer-exams', local: true })
    expect(readIndexFile(join(home, 'kb-index.json'))!.fingerprint).toContain('port.md')

    await writeFile(file, '# Port procedures\n\n## Reefer exams\n\nRefrigerated containers now go to the south terminal.\n')
    await utimes(file, new Date(), new Date(Date.now() + 5000))
    const second = await loadIndex(kb)
    expect(search(second, 'south terminal')[0]!.text).toContain('south terminal')
    expect(second.sections.some(s => s.id.startsWith('sop/'))).toBe(true) // the shipped documents stay in
  })

  it('writes the index header in ASCII (read back as Latin-1) and reads non-ASCII text back the same, old files too', async () => {
    const home = await tempDir()
    const kb = join(home, 'kb')
    await mkdir(kb)
    await writeFile(join(kb, 'notes.md'), '# Notes\n\n## Boxes\n\n☐ Check the “reefer” list — it’s due.\n')
    const first = await loadIndex(kb)
    const bytes = await readFile(join(home, 'kb-index.json'))
    const headerEnd = 21 + Number(bytes.toString('latin1', 8, 20))
    expect(bytes.subarray(0, headerEnd).every(b => b < 128)).toBe(true)
    expect(first.sections.find(s => s.id === 'local/notes/boxes')!.text).toBe('☐ Check the “reefer” list — it’s due.')
    const again = await loadIndex(kb)
    expect(again.sections.find(s => s.id === 'local/notes/boxes')!.text).toBe('☐ Check the “reefer” list — it’s due.')
    // An index an older version wrote (UTF-8 JSON, index version 6) is rebuilt: the text reads back the same.
    await writeFile(join(home, 'kb-index.json'), JSON.stringify({ ...again, sections: again.sections.map(plainSection), version: 6 }))
    const old = await loadIndex(kb)
    expect(old.sections.find(s => s.id === 'local/notes/boxes')!.text).toBe('☐ Check the “reefer” list — it’s due.')
  })

  it('indexes how team members ask for each shipped section (content/asked.json) without storing the phrases', async () => {
    const asked = JSON.parse(await readFile(new URL('../../content/asked.json', import.meta.url), 'utf8')) as Record<string, string[]>
    const idx = await loadIndex()
    const ids = new Set(idx.sections.map(s => s.id.replace(/\/part-\d+$/, '')))
    // Every section has its phrases, and every phrase names a section that exists.
    expect(new Set(Object.keys(asked))).toEqual(ids)
    for (const phrases of Object.values(asked)) expect(phrases.length).toBeGreaterThanOrEqual(2)
    expect(idx.fingerprint).toContain('asked.json')
    expect(idx.sections.every(s => s.asked === undefined)).toBe(true)
    expect(idx.postings.asked.split('\n').length).toBeGreaterThan(500)
  })
})
