// A section's sub-sections, found by id in document order: the reader and `pat show` list them, search
// counts them for "what are the 5 steps of …".
import { describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/kb/build-index.js'
import { baseId, subSectionIndices, subSections } from '../../src/kb/outline.js'
import { splitSections } from '../../src/kb/sections.js'

const long = Array.from({ length: 40 }, (_, k) => `Paragraph ${k} of the long step, with enough words in it to make the step split into parts.`).join('\n\n')
const md = `# D\n\n## Process\n\nThe overview.\n\n### 1. Select\n\n${long}\n\n#### Detail\n\nA deeper heading.\n\n### 2. Manage\n\nKeep it.\n\n## Other\n\nNothing.\n`
const idx = buildIndex(splitSections({ markdown: md, fallbackId: 'd' }), 'test')
const byTitle = (t: string) => idx.sections.find(s => s.title === t)!

describe('sub-sections', () => {
  it('are the direct children only, each once however many parts it has, in document order', () => {
    expect(idx.sections.filter(s => s.title === '1. Select').length).toBeGreaterThan(1)
    expect(subSections(idx, byTitle('Process')).map(s => s.title)).toEqual(['1. Select', '2. Manage'])
    expect(subSections(idx, byTitle('Process'))[0]!.part ?? 1).toBe(1)
  })

  it('are found from any part of a section, and a leaf has none', () => {
    const select = idx.sections.filter(s => s.title === '1. Select')
    for (const part of select) expect(subSections(idx, part).map(s => s.title)).toEqual(['Detail'])
    expect(subSections(idx, byTitle('2. Manage'))).toEqual([])
    expect(subSections(idx, byTitle('Other'))).toEqual([])
    expect(subSectionIndices(idx, idx.sections.indexOf(byTitle('Other')))).toEqual([])
  })

  it('name their section by the id without its part', () => {
    expect(baseId('sop/a/b/part-3')).toBe('sop/a/b')
    expect(baseId('sop/a/b')).toBe('sop/a/b')
  })
})
