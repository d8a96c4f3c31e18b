/**
 * `npm run build` step: indexes content/ into dist/kb-index.json so that a cold `pat search` only reads
 * JSON, and the passages' meaning vectors into dist/kb-vectors.bin (passage-vectors.ts) from the shipped
 * word-vector table, and trains the intent model on the asked phrases (intent-train.ts, dist/kb-intent*.bin).
 * Prints the section and term counts.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { intentFiles } from './intent.js'
import { trainIntent } from './intent-train.js'
import { askedPhrases, builtIndexPath, builtIntentPaths, builtVectorsPath, loadIndex } from './load.js'
import { wordVectorsPath } from './meaning.js'
import { buildPassageVectors } from './passage-vectors.js'
import { vocabularyList } from './vocabulary.js'
import { readWordVectors } from './word-vectors.js'

rmSync(builtIndexPath(), { force: true })
rmSync(builtVectorsPath(), { force: true })
for (const path of Object.values(builtIntentPaths())) rmSync(path, { force: true })
const idx = await loadIndex()
console.log(`kb: indexed ${idx.sections.length} sections, ${vocabularyList(idx).length} terms, ${idx.acronyms.length} acronyms → ${builtIndexPath()}`)
const table = readWordVectors(wordVectorsPath())
if (table) {
  const asked = askedPhrases()
  const bytes = buildPassageVectors(idx, asked, table)
  writeFileSync(builtVectorsPath(), bytes)
  console.log(`kb: meaning vectors, ${bytes.length} bytes → ${builtVectorsPath()}`)
  const started = performance.now()
  const files = intentFiles(trainIntent(idx, asked, table), idx)
  const paths = builtIntentPaths()
  writeFileSync(paths.words, files.words)
  writeFileSync(paths.model, files.model)
  table.close()
  console.log(`kb: intent model, ${files.model.length} + ${files.words.length} bytes, trained in ${((performance.now() - started) / 1000).toFixed(1)} s → ${paths.model}`)
} else {
  console.log(`kb: no word-vector table at ${wordVectorsPath()}: search ranks without meaning vectors`)
}
