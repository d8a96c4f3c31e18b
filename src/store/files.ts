/**
 * Small files that must never be half-written (the workspace config, backups): write to a temporary file
 * in the same folder, fsync it, then rename over the target — a crash leaves the old or the new file.
 * And reading a small JSON settings file: absent is undefined, unreadable or malformed is a StoreError.
 */
import { open, readFile, rename, rm } from 'node:fs/promises'
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
    throw new StoreError('damaged', `${what} ${path} ${what.endsWith('s') ? 'are' : 'is'} unreadable (${(err as Error).message}): ${fix}`, err)
  }
}

export async function writeFileAtomic (path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
  const fh = await open(tmp, 'w', mode)
  try {
    await fh.writeFile(data)
    await fh.sync()
  } catch (err) {
    await fh.close()
    await rm(tmp, { force: true })
    throw err
  }
  await fh.close()
  await rename(tmp, path)
}
