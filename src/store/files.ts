/**
 * Small files that must never be half-written (the workspace config, backups): write to a temporary file
 * in the same folder, fsync it, then rename over the target — a crash leaves the old or the new file.
 * And reading a small JSON settings file: absent is undefined, unreadable or malformed is a StoreError.
 */
import { link, open, readFile, rename, rm } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'
import { StoreError } from './errors.js'

/**
 * Reads a JSON file: undefined when it does not exist; `parse` checks the value (throwing what is wrong);
 * a file that cannot be read is an 'io' error, one that does not parse a 'damaged' error saying `fix`.
 */
export async function readJsonFile<T> (path: string, what: string, fix: string, parse: (value: unknown) => T): Promise<T | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new StoreError('io', `cannot read ${path}: ${(err as Error).message}`, err)
  }
  try {
    return parse(JSON.parse(text))
  } catch (err) {
    if (err instanceof StoreError) throw err // `parse` said exactly what is wrong
    throw new StoreError('damaged', `${what} ${path} ${what.endsWith('s') ? 'are' : 'is'} unreadable (${(err as Error).message}): ${fix}`, err)
  }
}

/**
 * With `overwrite: false` an existing file at `path` is never replaced, not even one that appears while
 * writing: the finished temporary file is hard-linked into place (which fails if the name is taken), so
 * the check and the write are one step. The error then has code EEXIST.
 * `sync: false` skips the fsync, for derived files whose reader checks them whole (a file that a power cut
 * left short or zeroed does not parse, and is made again): store/range-aggregate.ts, store/directory-snapshot.ts.
 */
/** writeFileAtomic's options for a derived file (see above). */
export const DERIVED_FILE = { sync: false } as const

export async function writeFileAtomic (path: string, data: string | Uint8Array, mode = 0o644, opts: { overwrite?: boolean, sync?: boolean } = {}): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
  const fh = await open(tmp, 'w', mode)
  try {
    await fh.writeFile(data)
    if (opts.sync ?? true) await fh.sync()
  } catch (err) {
    await fh.close()
    await rm(tmp, { force: true })
    throw err
  }
  await fh.close()
  if (opts.overwrite ?? true) { await rename(tmp, path); return }
  try {
    await link(tmp, path)
  } finally {
    await rm(tmp, { force: true })
  }
}
