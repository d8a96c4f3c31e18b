/**
 * Warming the frame code up while the app sits idle after its first live frame. The first keys a person
 * presses would otherwise each run code V8 has not compiled or optimised yet (React's reconciler, Yoga's
 * layout, Ink's output, our rows and cells): 10–17 ms of work each, against 3–5 ms once warm. So once no key
 * has come for a moment after the app is live (a key before that puts it off), the same screen (with the
 * first of its accounts, run.tsx) is drawn into a second, off-screen Ink instance (its output thrown away,
 * its input a stand-in the warm-up types into) and about twenty keys are played into it through Ink's input
 * path, one key per turn of the event loop. A real key — or a change in the store — stops it before the next one, and it runs once: what V8
 * has compiled by then stays compiled. The longest step is the off-screen tree's first frame (tens of ms);
 * each key after it costs what a key costs the app.
 *
 * Nothing reaches the screen, and nothing is written: the off-screen tree is given its data, a fixed size,
 * no sync line and no knowledge base to load, and it is unmounted when done.
 */
import { EventEmitter } from 'node:events'
import { Writable } from 'node:stream'
import { render, type RenderOptions } from 'ink'
import type { ReactElement } from 'react'
import { afterPause } from './pause.js'

/** How long the app must have had no key before the warm-up starts. */
export const IDLE_MS = 75

/**
 * What is played: down and up through the table, then a filter typed and taken back — each changes the
 * frame, as a person's keys do. Nineteen keys did as well for the first real keys as forty-five (and better on
 * a loaded machine, where the longer warm-up was still running when the first key came), for 0.3 s of CPU
 * instead of 0.5 s.
 */
export const WARM_UP_KEYS: readonly string[] = [...'j'.repeat(12), ...'k'.repeat(4), '/', 'a', '\u007F']

/** A terminal's input as Ink reads it (a 'readable' event, then `read()` until null), typed into by the warm-up. */
class TypedInput extends EventEmitter {
  readonly isTTY = true
  private queued: string[] = []
  type (keys: string): void { this.queued.push(keys); this.emit('readable') }
  read (): string | null { return this.queued.shift() ?? null }
  setEncoding (): void {}
  setRawMode (): void {}
  ref (): void {}
  unref (): void {}
}

export interface WarmUpOptions {
  /** The terminal's input: a key arriving on it stops the warm-up (and, before it starts, puts it off). */
  input: NodeJS.EventEmitter
  /** Subscribes to changes that should stop the warm-up (the store's); returns the unsubscribe. */
  subscribe?: (listener: () => void) => () => void
  columns: number
  rows: number
  /** Ink's options for the app (the same frame rate and renderer: the same code gets warm). */
  ink: Omit<RenderOptions, 'stdout' | 'stdin'>
  keys?: readonly string[]
  idleMs?: number
}

export interface WarmUp {
  /** Resolves once the warm-up is over, with how many keys it played. */
  done: Promise<{ played: number }>
  /** How many keys it has played so far. */
  readonly played: number
  stop: () => void
}

/** Starts the warm-up of `element`'s frames after an idle moment; it ends by itself. */
export function warmUpWhenIdle (element: ReactElement, opts: WarmUpOptions): WarmUp {
  const keys = opts.keys ?? WARM_UP_KEYS
  let played = 0
  let stopped = false
  const idle = new AbortController()
  let unmount: (() => void) | undefined
  let finish!: (r: { played: number }) => void
  const done = new Promise<{ played: number }>(resolve => { finish = resolve })

  const stop = () => {
    if (stopped) return
    stopped = true
    idle.abort()
    opts.input.off('readable', stop)
    unsubscribe?.()
    unmount?.()
    finish({ played })
  }
  const unsubscribe = opts.subscribe?.(stop)

  const start = () => {
    try {
      play()
    } catch {
      // Only a quicker first key is lost.
      stop()
    }
  }
  const play = () => {
    const input = new TypedInput()
    const output = Object.assign(new Writable({ write: (_chunk, _enc, cb) => cb() }), { isTTY: true, columns: opts.columns, rows: opts.rows })
    // Ink's boundary: it types its streams as a terminal's; off screen they are stand-ins with only the parts
    // Ink uses (TypedInput shares no type with a ReadStream, hence the cast through unknown).
    const instance = render(element, {
      stdout: output as NodeJS.WriteStream,
      stdin: input as unknown as NodeJS.ReadStream,
      ...opts.ink,
      exitOnCtrlC: false,
      patchConsole: false
    })
    unmount = () => { instance.unmount(); instance.cleanup() }
    const next = () => {
      if (stopped) return
      if (played === keys.length) { stop(); return }
      input.type(keys[played++]!)
      // One key per turn: a real key waits at most for one off-screen frame.
      setImmediate(next)
    }
    setImmediate(next)
  }

  // Before the warm-up starts a key only puts it off (pause.ts: a pause ends after a poll for input, so the
  // usual `?` typed at launch never waits behind the off-screen first frame); once it runs, a key ends it.
  void afterPause(opts.input, opts.idleMs ?? IDLE_MS, idle.signal).then(() => {
    if (stopped) return
    opts.input.prependListener('readable', stop)
    start()
  })
  return { done, stop, get played () { return played } }
}
