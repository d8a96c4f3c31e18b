/**
 * Whether a command line opens the app, and the cached first frame painted before anything heavy loads
 * (see src/ui/frame-cache.ts). Imported on every start: node built-ins and light modules only.
 */
import { homePaths, resolveHome } from '../store/home.js'
import { localDate, paintFrame, readFrame, ALT_SCREEN_OFF } from '../ui/frame-cache.js'
import { themeNameFor } from '../ui/theme/theme.js'

/** Both ends of the conversation are a terminal (the app reads keys and draws the screen). */
export function isTerminal (): boolean {
  return Boolean(process.stdout.isTTY && process.stdin.isTTY)
}

/** The arguments without `--home DIR` / `--home=DIR`. */
export function withoutHome (argv: readonly string[]): { rest: string[], home: string | undefined } {
  const rest = [...argv]
  let home: string | undefined
  for (let i = 0; i < rest.length;) {
    if (rest[i] === '--home') home = rest.splice(i, 2)[1]
    else if (rest[i]!.startsWith('--home=')) home = rest.splice(i, 1)[0]!.slice('--home='.length)
    else i++
  }
  return { rest, home }
}

/** `pat` with nothing but `--home`: no command, no options. */
export function isBareInvocation (argv: readonly string[]): boolean {
  return withoutHome(argv).rest.length === 0
}

let painted = false

/**
 * Paints the app's cached first frame when this command line opens the app in a terminal and a frame for
 * this terminal, theme and day is cached. The app then draws over it (`takePainted`).
 */
export function paintCachedFrame (argv: readonly string[]): void {
  const { rest, home } = withoutHome(argv)
  if (!(rest.length === 0 || (rest.length === 1 && rest[0] === 'app')) || !isTerminal()) return
  const out = process.stdout
  const frame = readFrame(homePaths(resolveHome(home)).firstFrame, {
    columns: out.columns, rows: out.rows, theme: themeNameFor(process.env), date: localDate()
  })
  if (frame === undefined) return
  paintFrame(out, frame)
  // Keys typed at the picture wait, unechoed, for the app (a cooked terminal would print them over it).
  process.stdin.setRawMode(true)
  painted = true
}

/** Whether the screen holds a painted frame (the app takes it over, on the alternate screen already). */
export function takePainted (): boolean {
  const was = painted
  painted = false
  return was
}

/** Back to the normal screen when the app did not start after all (an error is about to be shown). */
export function unpaint (): void {
  if (!takePainted()) return
  process.stdin.setRawMode(false)
  process.stdout.write(ALT_SCREEN_OFF + '\x1b[?25h')
}
