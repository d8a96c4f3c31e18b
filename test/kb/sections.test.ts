import { describe, expect, it } from 'vitest'
import { expansionFor, extractAcronyms } from '../../src/kb/acronyms.js'
import { splitFrontMatter } from '../../src/kb/frontmatter.js'
import { PASSAGE_CHARS, passages, slug, splitSections } from '../../src/kb/sections.js'

const DOC = `---
title: "Sample SOP"
id: sop
source: 001.txt
---

# Sample SOP

Intro paragraph.

## Establish the Account

### Relationships

Type One. Companies who also deal with Customs, e.g. a broker.

### Relationships

A second section with the same heading.

## Glossary

### Compliance Improvement Plan (CIP)

A document prepared by the account.

## Empty Parent

### Child

Child text, under a heading with no text of its own.

\`\`\`
## not a heading: inside code
\`\`\`
`

describe('front matter', () => {
  it('reads quoted and plain values and returns the body', () => {
    const { meta, body } = splitFrontMatter(DOC)
    expect(meta).toEqual({ title: 'Sample SOP', id: 'sop', source: '001.txt' })
    expect(body.startsWith('\n# Sample SOP')).toBe(true)
    expect(splitFrontMatter('# No front matter').meta).toEqual({})
  })
})

describe('splitting into sections', () => {
  const sections = splitSections({ markdown: DOC, fallbackId: 'x' })

  it('gives each section a slug-path id, its trail and its own text', () => {
    expect(sections.map(s => s.id)).toEqual([
      'sop', 'sop/establish-the-account/relationships', 'sop/establish-the-account/relationships-2',
      'sop/glossary/compliance-improvement-plan-cip', 'sop/empty-parent/child'
    ])
    const rel = sections[1]!
    expect(rel).toMatchObject({ doc: 'sop', source: 'Sample SOP', title: 'Relationships', trail: ['Establish the Account'] })
    expect(rel.text).toBe('Type One. Companies who also deal with Customs, e.g. a broker.')
  })

  it('keeps headings inside code as text, and parents without text only in trails', () => {
    const child = sections.find(s => s.title === 'Child')!
    expect(child.trail).toEqual(['Empty Parent'])
    expect(child.text).toContain('## not a heading: inside code')
    expect(sections.some(s => s.title === 'Empty Parent')).toBe(false)
  })

  it('marks glossary entries with their term', () => {
    expect(sections.find(s => s.title.startsWith('Compliance'))!.terms).toEqual(['Compliance Improvement Plan (CIP)'])
  })

  it('cuts long sections into passages at paragraph breaks, keeping every word', () => {
    const para = 'word '.repeat(100).trim()
    const long = Array.from({ length: 12 }, () => para).join('\n\n')
    const parts = passages(long)
    expect(parts.length).toBeGreaterThan(1)
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(PASSAGE_CHARS)
    expect(parts.join('\n\n')).toBe(long)
    const md = `---\nid: d\n---\n# D\n\n## Long\n\n${long}\n`
    expect(splitSections({ markdown: md, fallbackId: 'd' }).map(s => s.id)).toEqual(['d/long', 'd/long/part-2', 'd/long/part-3', 'd/long/part-4'])
  })

  it('makes short slugs', () => {
    expect(slug('1. Identify compliance and process problems')).toBe('identify-compliance-and-process-problems')
    expect(slug('VI. Methodology')).toBe('methodology')
    expect(slug('IR#s and Accounts')).toBe('irs-and-accounts')
    expect(slug('A very long heading that goes on and on well past the limit of characters')).toBe('a-very-long-heading-that-goes-on-and-on-well')
  })
})

describe('acronyms from the content', () => {
  it.each([
    ['The new Office of Strategic Trade', 'OST', 'Office of Strategic Trade'],
    ['inclusion in a Primary Focus Industry', 'PFI', 'Primary Focus Industry'],
    ['The Cargo Selectivity Management Team', 'CSMT', 'Cargo Selectivity Management Team'],
    ['National Account Services Center', 'NASC', 'National Account Services Center'],
    ['checked by the team', 'CIP', undefined],
    // A final S is a letter of the acronym first, then a plural.
    ['Computer Audit Specialists', 'CAS', 'Computer Audit Specialists'],
    ['two Compliance Assessments', 'CAS', 'Compliance Assessments'],
    ['the Cargo-Selectivity Management Team', 'CSMT', 'Cargo-Selectivity Management Team'],
    ['National Commodity Specialist Division/National Import Specialists', 'NIS', 'National Import Specialists']
  ])('%s (%s)', (before, acronym, expansion) => {
    expect(expansionFor(before, acronym)).toBe(expansion)
  })

  it('builds the table from text and glossary headings, with the few never spelled out', () => {
    const table = extractAcronyms(splitSections({ markdown: DOC, fallbackId: 'x' }))
    expect(table).toContainEqual({ acronym: 'CIP', expansion: 'Compliance Improvement Plan' })
    expect(table).toContainEqual({ acronym: 'TCPO', expansion: 'Trade Compliance Process Owner' })
  })
})
