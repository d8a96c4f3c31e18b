// @ts-check
// The disk figure of bench/scale.js (100,000 edits through the store API, then the database's size against
// the same documents compacted) measured beside a CPU hog: one busy-looping child process per core, so the
// store's writer competes for the CPU as on a loaded machine (a peer catching up, a busy `pat serve`, other
// work). Compaction must not depend on the write queue ever going idle (store/compaction.ts): the goal is
// the same ≤ 3×. Run with `npm run bench -- --only scale-loaded`.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { diskAfterEdits } from './scale.js'
import { figure } from './stats.js'

const HOG = 'for (;;) {}'

export async function run () {
  const hogs = cpus().map(() => spawn(process.execPath, ['-e', HOG], { stdio: 'ignore' }))
  const scratch = await mkdtemp(join(tmpdir(), 'pat-bench-scale-loaded-'))
  try {
    const disk = await diskAfterEdits(scratch)
    return {
      hogs: hogs.length,
      figures: [
        figure(`disk after ${disk.edits.toLocaleString('en-US')} edits, beside a CPU hog`, disk.afterMiB, 'MiB'),
        figure('disk, same documents compacted', disk.compactedMiB, 'MiB'),
        figure('disk after edits ÷ compacted, loaded', disk.ratio, '×', { value: 3, text: '≤ 3×' }),
        figure('history and activity log intact after edits', disk.intact ? 1 : 0, 'yes=1', { value: 1, text: 'yes', lowerIsBetter: false })
      ],
      raw: { disk }
    }
  } finally {
    for (const h of hogs) h.kill('SIGKILL')
    await rm(scratch, { recursive: true, force: true })
  }
}
