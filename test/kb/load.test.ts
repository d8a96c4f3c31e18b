import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
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
    expect(JSON.parse(await readFile(join(home, 'kb-index.json'), 'utf8')).fingerprint).toContain('port.md')

    await writeFile(file, '# Port procedures\n\n## Reefer exams\n\nRefrigerated containers now go to the south terminal.\n')
    await utimes(file, new Date(), new Date(Date.now() + 5000))
    const second = await loadIndex(kb)
    expect(search(second, 'south terminal')[0]!.text).toContain('south terminal')
    expect(second.sections.some(s => s.id.startsWith('sop/'))).toBe(true) // the shipped documents stay in
  })
})
