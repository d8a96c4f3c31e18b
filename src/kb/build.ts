/**
 * `npm run build` step: indexes content/ into dist/kb-index.json so that a cold `pat search` only reads
 * JSON, and the passages' meaning vectors into dist/kb-vectors.bin (passage-vectors.ts) from the shipped
 * word-vector table. Prints the section and term counts.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { askedPhrases, builtIndexPath, builtVectorsPath, loadIndex } from './load.js'
import { wordVectorsPath } from './meaning.js'
import { buildPassageVectors } from './passage-vectors.js'
import { vocabularyList } from './vocabulary.js'
import { readWordVectors } from './word-vectors.js'

rmSync(builtIndexPath(), { force: true })
rmSync(builtVectorsPath(), { force: true })
const idx = await loadIndex()
console.log(`kb: indexed ${idx.sections.length} sections, ${vocabularyList(idx).length} terms, ${idx.acronyms.length} acronyms → ${builtIndexPath()}`)
const table = readWordVectors(wordVectorsPath())
if (table) {
  const bytes = buildPassageVectors(idx, askedPhrases(), table)
  writeFileSync(builtVectorsPath(), bytes)
  table.close()
  console.log(`kb: meaning vectors, ${bytes.length} bytes → ${builtVectorsPath()}`)
} else {
  console.log(`kb: no word-vector table at ${wordVectorsPath()}: search ranks without meaning vectors`)
}
