/**
 * Loading the index. The shipped documents' index is built by `npm run build` into dist/kb-index.json; at
 * load time a fingerprint of content/ (file names, sizes, modification times — a few stat calls) is
 * compared with the one the index was built from, and a stale index is rebuilt (and rewritten when the
 * file is writable), so edited content is searchable at once. A team's own Markdown in `<home>/kb/` is
 * indexed along with it and marked local; its index is cached in `<home>/kb-index.json` the same way.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readIndexFile, writeIndexFile } from './index-file.js'
import { baseId } from './outline.js'
import type { KbIndex, Section } from './types.js'

export const contentDir = (): string => fileURLToPath(new URL('../../content/', import.meta.url))
// Two levels up is the package root from both src/kb (tests) and dist/kb (the built CLI).
export const builtIndexPath = (): string => fileURLToPath(new URL('../../dist/kb-index.json', import.meta.url))
/** The shipped passages' meaning vectors (passage-vectors.ts), built beside the index. */
export const builtVectorsPath = (): string => fileURLToPath(new URL('../../dist/kb-vectors.bin', import.meta.url))
/** The intent model trained beside the index (intent-train.ts, intent.ts): its passages' rows, and its word vectors. */
export const builtIntentPaths = (): { model: string, words: string } => ({
  model: fileURLToPath(new URL('../../dist/kb-intent.bin', import.meta.url)),
  words: fileURLToPath(new URL('../../dist/kb-intent-words.bin', import.meta.url))
})

function markdownFiles (dir: string): string[] {
  try {
    return readdirSync(dir).filter(f => f.endsWith('.md') && !f.startsWith('.')).sort().map(f => join(dir, f))
  } catch { return [] }
}

/**
 * Whether a file built from the shipped content (fingerprint `built`) serves an index: one of the same content,
 * or of it with a team's own documents after it (their files' stamps follow the shipped ones' after a "|").
 */
export function builtFor (idx: KbIndex, built: string): boolean {
  return idx.fingerprint === built || idx.fingerprint.startsWith(`${built}|`)
}

export function fingerprint (files: readonly string[]): string {
  return files.map(f => { const s = statSync(f); return `${basename(f)}:${s.size}:${Math.floor(s.mtimeMs)}` }).join('|')
}

/** Splits files into sections; loaded only when an index must be (re)built, as marked's lexer is costly to load. */
export async function readSections (files: readonly string[], local = false): Promise<Section[]> {
  const { splitSections } = await import('./sections.js')
  return files.flatMap(f => splitSections({ markdown: readFileSync(f, 'utf8'), fallbackId: (local ? 'local/' : '') + basename(f, '.md'), local }))
}

async function cached (path: string, fp: string, sections: () => Promise<Section[]>): Promise<KbIndex> {
  const stored = readIndexFile(path)
  if (stored?.version === 7 && stored.fingerprint === fp) return stored
  const { buildIndex } = await import('./build-index.js')
  const idx = buildIndex(await sections(), fp)
  try { writeIndexFile(path, idx) } catch { /* read-only install: keep it in memory */ }
  return idx
}

/** content/asked.json: per section id, the phrases team members ask for it with (docs/search.md). */
const askedPath = (): string => join(contentDir(), 'asked.json')

/** The shipped phrases per section id (content/asked.json); none when it is missing or unreadable. */
export function askedPhrases (): Record<string, string[]> {
  try { return JSON.parse(readFileSync(askedPath(), 'utf8')) as Record<string, string[]> } catch { return {} }
}

/** The shipped documents' sections, each with the phrases it is asked for with (every part of a long one). */
async function shippedSections (files: readonly string[]): Promise<Section[]> {
  const sections = await readSections(files)
  const asked = askedPhrases()
  for (const s of sections) {
    const phrases = asked[baseId(s.id)]
    if (phrases?.length) s.asked = phrases
  }
  return sections
}

/** The index of the shipped documents, plus the team's own documents in `localDir` when given. */
export async function loadIndex (localDir?: string): Promise<KbIndex> {
  const shippedFiles = markdownFiles(contentDir())
  const localFiles = localDir ? markdownFiles(localDir) : []
  const stamped = [...shippedFiles, ...(existsSync(askedPath()) ? [askedPath()] : [])]
  if (localFiles.length === 0) return cached(builtIndexPath(), fingerprint(stamped), () => shippedSections(shippedFiles))
  return cached(join(localDir!, '..', 'kb-index.json'), fingerprint([...stamped, ...localFiles]),
    async () => [...await shippedSections(shippedFiles), ...await readSections(localFiles, true)])
}
