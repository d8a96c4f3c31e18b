/**
 * `npm run build` step: indexes content/ into dist/kb-index.json so that a cold `pat search` only reads
 * JSON. Prints the section and term counts.
 */
import { loadIndex, builtIndexPath } from './load.js'
import { rmSync } from 'node:fs'

rmSync(builtIndexPath(), { force: true })
const idx = await loadIndex()
console.log(`kb: indexed ${idx.sections.length} sections, ${idx.vocabulary.length} terms, ${idx.acronyms.length} acronyms → ${builtIndexPath()}`)
