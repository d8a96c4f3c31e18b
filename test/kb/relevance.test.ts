// Relevance: realistic questions a port account team asks, each with the section(s) that must appear in
// the top 3. Prints hit@1 and hit@3 over the whole set; fails below hit@3 = 90%.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadIndex } from '../../src/kb/load.js'
import { search } from '../../src/kb/search.js'
import { terms } from '../../src/kb/tokens.js'

const SET = JSON.parse(readFileSync(new URL('./relevance-set.json', import.meta.url), 'utf8')) as Array<{ query: string, expect: string[] }>

describe('search relevance on the shipped documents', () => {
  it('has at least 40 questions', () => {
    expect(SET.length).toBeGreaterThanOrEqual(40)
  })

  it('puts the right section in the top 3 for at least 90% of the questions', async () => {
    const idx = await loadIndex()
    let at1 = 0
    let at3 = 0
    const misses: string[] = []
    for (const q of SET) {
      const ids = search(idx, q.query, { limit: 3 }).map(h => h.id)
      const ok = (id: string | undefined) => id !== undefined && q.expect.some(e => id === e || id.startsWith(e + '/'))
      if (ok(ids[0])) at1++
      if (ids.some(ok)) at3++
      else misses.push(`${q.query} → ${ids.join(', ')}`)
    }
    console.log(`relevance: hit@1 ${(100 * at1 / SET.length).toFixed(1)}%, hit@3 ${(100 * at3 / SET.length).toFixed(1)}% over ${SET.length} questions`)
    if (misses.length) console.log('misses:\n  ' + misses.join('\n  '))
    expect(at3 / SET.length).toBeGreaterThanOrEqual(0.9)
  })
})

describe('acronyms from the issue, on the shipped documents', () => {
  const index = loadIndex()
  it.each(['PFI', 'TCPO', 'CAT', 'OST', 'NASC', 'CIP', 'AAP', 'IR#'])('%s finds sections using it or its spelled-out form', async acronym => {
    const idx = await index
    const entry = idx.acronyms.find(a => a.acronym === acronym)
    expect(entry, `${acronym} is in the acronym table`).toBeDefined()
    const hits = search(idx, acronym, { limit: 3 })
    expect(hits).toHaveLength(3)
    const spelled = ` ${terms(entry!.expansion).join(' ')} `
    for (const h of hits) {
      const text = `${h.title}\n${h.text}`
      expect(text.toLowerCase().includes(acronym.toLowerCase()) || ` ${terms(text).join(' ')} `.includes(spelled), `${acronym}: ${h.id}`).toBe(true)
    }
  })

  it('finds the acronym from its spelled-out form', async () => {
    const hits = search(await index, 'Primary Focus Industry', { limit: 5 })
    expect(hits.some(h => h.text.includes('PFI'))).toBe(true)
  })
})
