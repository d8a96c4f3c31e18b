/**
 * The index on disk (dist/kb-index.json, a team's `<home>/kb-index.json`): a JSON header a cold start parses,
 * and after it the sections' texts and sentence terms, which it reads only for the sections a query looks at.
 * The texts are half the index (~380 KB of ~780 KB); decoding and parsing them on every `pat search` cost
 * ~3 ms and the garbage collector's copying, for the ~20 sections a query reads.
 *
 * Format: 'PATKB007' · the header's length in bytes, 12 decimal digits · '\n' · the header, JSON in ASCII
 * (other characters as \u escapes; read as Latin-1) · the stored texts, UTF-8, back to back. The header is
 * the index with each section's `text` left out and `stored` put in: [offset, text bytes, sentence-terms
 * bytes] into the stored texts; and no `sentenceTerms`.
 *
 * A loaded section reads its `text` (and `sentenceTerms`) the first time it is asked for, with one read of
 * the file it came from, kept open while the index lives; the file is replaced by a rename, never rewritten
 * in place, so an open index keeps reading the texts it was written with.
 */
import { closeSync, fstatSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { readAt } from './table-file.js'
import type { KbIndex, Section } from './types.js'

const MAGIC = 'PATKB007'
const PREFIX = MAGIC.length + 12 + 1

/** What a loaded section keeps of where its texts are: [offset, text bytes, sentence-terms bytes]. */
type Stored = [number, number, number]
interface StoredSection extends Omit<Section, 'text'> { stored: Stored }
type Header = Omit<KbIndex, 'sections' | 'sentenceTerms'> & { sections: StoredSection[] }

/** JSON in ASCII only: JSON.parse reads the \u escapes back as the same characters. */
const ascii = (json: string): string => json.replace(/[\u0080-\uffff]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

/** The file's bytes for an index. */
export function indexFileBytes (idx: KbIndex): Buffer {
  const blobs: Buffer[] = []
  let at = 0
  const sections = idx.sections.map(({ text, ...rest }, i): StoredSection => {
    const t = Buffer.from(text, 'utf8')
    const terms = Buffer.from(idx.sentenceTerms?.[i] ?? '', 'utf8')
    blobs.push(t, terms)
    const stored: Stored = [at, t.length, terms.length]
    at += t.length + terms.length
    return { ...rest, stored }
  })
  const { sentenceTerms: _terms, ...rest } = idx
  const header = Buffer.from(ascii(JSON.stringify({ ...rest, sections } satisfies Header)), 'latin1')
  return Buffer.concat([Buffer.from(`${MAGIC}${String(header.length).padStart(12, '0')}\n`, 'latin1'), header, ...blobs])
}

/** Writes the index to `path` by a rename, so an index loaded from the old file keeps reading its texts. */
export function writeIndexFile (path: string, idx: KbIndex): void {
  const tmp = `${path}.${process.pid}.tmp`
  try {
    writeFileSync(tmp, indexFileBytes(idx))
    renameSync(tmp, path)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw e
  }
}

// (an index no longer used closes its file)
const files = new FinalizationRegistry<number>(fd => { try { closeSync(fd) } catch { /* already closed */ } })

/** The index in the file at `path`; undefined when it is missing, another kind of file, or damaged. */
export function readIndexFile (path: string): KbIndex | undefined {
  let fd: number
  try { fd = openSync(path, 'r') } catch { return undefined }
  try {
    const prefix = readAt(fd, 0, PREFIX)
    if (prefix?.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not an index file')
    const length = Number(prefix.toString('latin1', MAGIC.length, PREFIX - 1))
    const header = Number.isSafeInteger(length) ? readAt(fd, PREFIX, length) : undefined
    if (!header) throw new Error('index header cut short')
    const idx = JSON.parse(header.toString('latin1')) as Header
    // (a file cut short, or grown, is damaged: its texts would read wrong)
    const last = idx.sections.at(-1)?.stored
    if (fstatSync(fd).size !== PREFIX + length + (last ? last[0] + last[1] + last[2] : 0)) throw new Error('index texts cut short')
    const proto = storedTexts(fd, PREFIX + length)
    for (const s of idx.sections) Object.setPrototypeOf(s, proto)
    // (every loaded section holds the prototype: the file closes once none of them is used)
    files.register(proto, fd)
    return idx as unknown as KbIndex
  } catch {
    closeSync(fd)
    return undefined
  }
}

/**
 * The prototype of an index's loaded sections: `text` and `sentenceTerms` read from the file at their
 * `stored` place when first asked for, then kept on the section (a damaged file reads as empty text).
 */
function storedTexts (fd: number, base: number): object {
  const keep = (s: object, key: string, value: string): void => { Object.defineProperty(s, key, { value, writable: true, enumerable: true, configurable: true }) }
  const read = (s: StoredSection, key: 'text' | 'sentenceTerms'): string => {
    const [at, text, terms] = s.stored
    let value = ''
    try { value = (key === 'text' ? readAt(fd, base + at, text) : readAt(fd, base + at + text, terms))?.toString('utf8') ?? '' } catch { /* closed or cut: no text */ }
    keep(s, key, value)
    return value
  }
  return {
    get text (): string { return read(this as unknown as StoredSection, 'text') },
    set text (value: string) { keep(this, 'text', value) },
    get sentenceTerms (): string { return read(this as unknown as StoredSection, 'sentenceTerms') },
    set sentenceTerms (value: string) { keep(this, 'sentenceTerms', value) }
  }
}

/** A section as plain data (its text read, where it was stored left out): what `pat show --json` prints. */
export function plainSection (s: Section): Section {
  const { id, doc, source, title, trail, text, terms, glossary, part, parts, local } = s
  return { id, doc, source, title, trail, text, terms, ...(glossary ? { glossary } : {}), ...(part ? { part, parts } : {}), ...(local ? { local } : {}) }
}
