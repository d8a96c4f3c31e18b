/**
 * A document or table written to a file appears whole or not at all (written beside it, then renamed), so
 * an interrupted write never leaves half a file where the last good one was. Its own module so that the
 * table commands (`--format csv -o FILE`, src/cli/table-formats.ts) load it without the document renderer.
 */
import { rename, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export async function writeFileAtomic (path: string, content: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
  await writeFile(tmp, content)
  await rename(tmp, path)
}
