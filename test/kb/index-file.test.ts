// The index on disk: a header a start parses and the sections' texts read only when asked for. A loaded index
// gives back every text and sentence term it was written with (non-ASCII too), ranks as the index it was built
// from, keeps reading its own texts after the file is replaced, and a damaged file is no index (so it is rebuilt).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/kb/build-index.js'
import { indexFileBytes, plainSection, readIndexFile, writeIndexFile } from '../../src/kb/index-file.js'
import { search } from '../../src/kb/search.js'
import { splitSections } from '../../src/kb/sections.js'

const dir = mkdtempSync(join(tmpdir(), 'pat-index-file-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const DOC = `# Handbook

## Reefers

Refrigerated containers are examined at the north terminal. Their seals are checked — “always”.

## Staffing

Officers are trained in pairs.
`
const built = () => buildIndex(splitSections({ markdown: DOC, fallbackId: 'h' }), 'fp-1')

describe('the index file', () => {
  it('reads back every section, text and sentence term it was written with', () => {
    const idx = built()
    const path = join(dir, 'round.json')
    writeIndexFile(path, idx)
    const loaded = readIndexFile(path)!
    expect(loaded.version).toBe(7)
    expect(loaded.fingerprint).toBe('fp-1')
    expect(loaded.sections.map(plainSection)).toEqual(idx.sections.map(plainSection))
    loaded.sections.forEach((s, i) => expect(s.sentenceTerms).toBe(idx.sentenceTerms![i]))
    expect(loaded.sections.find(s => s.title === 'Reefers')!.text).toContain('“always”')
  })

  it('ranks and excerpts as the index it was built from', () => {
    const idx = built()
    const path = join(dir, 'rank.json')
    writeIndexFile(path, idx)
    const loaded = readIndexFile(path)!
    for (const q of ['refrigerated containers', 'who trains officers', 'seals']) expect(search(loaded, q)).toEqual(search(idx, q))
  })

  it('keeps reading its own texts after the file is replaced by another index', () => {
    const path = join(dir, 'replaced.json')
    writeIndexFile(path, built())
    const old = readIndexFile(path)!
    writeIndexFile(path, buildIndex(splitSections({ markdown: '# Other\n\nSomething else entirely.\n', fallbackId: 'o' }), 'fp-2'))
    expect(old.sections.find(s => s.title === 'Staffing')!.text).toBe('Officers are trained in pairs.')
    expect(readIndexFile(path)!.fingerprint).toBe('fp-2')
  })

  it('is no index when the file is missing, another kind of file, or cut short', () => {
    const bytes = indexFileBytes(built())
    expect(readIndexFile(join(dir, 'none.json'))).toBeUndefined()
    writeFileSync(join(dir, 'json.json'), JSON.stringify({ version: 6 }))
    expect(readIndexFile(join(dir, 'json.json'))).toBeUndefined()
    for (const cut of [10, 200, bytes.length - 1]) {
      writeFileSync(join(dir, 'cut.json'), bytes.subarray(0, cut))
      expect(readIndexFile(join(dir, 'cut.json'))).toBeUndefined()
    }
    writeFileSync(join(dir, 'long.json'), Buffer.concat([bytes, Buffer.from('x')]))
    expect(readIndexFile(join(dir, 'long.json'))).toBeUndefined()
  })

  it('leaves no temporary file behind when it cannot write', () => {
    const path = join(dir, 'missing-dir', 'idx.json')
    expect(() => writeIndexFile(path, built())).toThrow()
    expect(() => readFileSync(`${path}.${process.pid}.tmp`)).toThrow()
  })
})
