/**
 * The first frame, cached: when the app quits it saves its accounts screen as drawn (with the terminal
 * size, colour theme and date it was drawn for), and the next `pat` in a terminal paints it at once —
 * before Ink, React and the database have loaded — then the live app draws over it. Whoever changes the
 * workspace removes the file before writing (src/store/workspace.ts: an edit, a peer's update, a seen mark;
 * a restore and doctor too), so a cached frame always shows the workspace as it is; a command that only
 * reads (`pat account list`, `pat due`) leaves it, and the next app start paints it.
 *
 * File format (JSON): {"version":1,"columns":80,"rows":24,"theme":"color","date":"2026-11-23","frame":"…"}
 *
 * This module is imported on the start-up path: node built-ins (and the import-free local-date.ts) only.
 */
import { readFileSync } from 'node:fs'
import { rename, writeFile } from 'node:fs/promises'

export interface FrameKey { columns: number, rows: number, theme: string, date: string }
interface CachedFrame extends FrameKey { version: 1, frame: string }

export const ALT_SCREEN_ON = '\x1b[?1049h'
export const ALT_SCREEN_OFF = '\x1b[?1049l'
const HOME_AND_HIDE = '\x1b[H\x1b[?25l'

// A frame shows what was overdue on the day it was drawn: it is keyed by the local calendar day.
export { localDate } from '../domain/local-date.js'

/** The cached frame for exactly this terminal, theme and day, if there is one. */
export function readFrame (path: string, key: FrameKey): string | undefined {
  let cached: CachedFrame
  try {
    cached = JSON.parse(readFileSync(path, 'utf8')) as CachedFrame
  } catch {
    return undefined
  }
  const fits = cached.version === 1 && cached.columns === key.columns && cached.rows === key.rows && cached.theme === key.theme && cached.date === key.date
  return fits && typeof cached.frame === 'string' ? cached.frame : undefined
}

export async function saveFrame (path: string, key: FrameKey, frame: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`
  await writeFile(tmp, JSON.stringify({ version: 1, ...key, frame } satisfies CachedFrame))
  await rename(tmp, path)
}

/** Paints the frame on the alternate screen and puts the cursor back at the top for the app to draw over. */
export function paintFrame (stdout: NodeJS.WriteStream, frame: string): void {
  stdout.write(ALT_SCREEN_ON + HOME_AND_HIDE + frame + HOME_AND_HIDE)
}
