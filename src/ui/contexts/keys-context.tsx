/**
 * Who gets a key press. One Ink `useInput` for the whole app feeds a stack of key layers: a component that
 * wants the keyboard (a screen, an overlay, a text field) pushes its handler while it is active, and only
 * the top of the stack receives keys — the last one activated. Layers are pushed in layout effects, which
 * run synchronously in the commit, so a key that opens a field and the keys right after it reach the
 * right layer.
 *
 * Parts of the app that are hidden (a screen under an overlay) sit in a `KeyScope` of false: their layers
 * leave the stack, and come back on top when they show again.
 *
 * Keys are delivered one at a time: the next waits until React has committed what the previous one did
 * (React renders on a later turn of the event loop), so keys that arrive together — a burst from a script,
 * a fast typist, one read holding several keys — each reach the layer the previous one left on top (`/`
 * opens the filter, the letters after it go into the filter). Ink hands over a run of characters read at
 * once as one input: it is split into single keys.
 */
import { createContext, useContext, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useInput, type Key } from 'ink'

export type KeyHandler = (input: string, key: Key) => void

interface KeyStack {
  push: (handler: { current: KeyHandler }) => () => void
}

const KeyContext = createContext<KeyStack | undefined>(undefined)

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false
}
const CONTROL: Record<string, Partial<Key>> = { '\t': { tab: true }, '\r': { return: true }, '\x7f': { delete: true }, '\b': { backspace: true } }

/**
 * A multi-character input split into single keys. Ink hands over what one read from the terminal holds —
 * `jjje` typed fast, `/harbor` sent by a script — as one input (escape sequences such as arrows come
 * apart already); each character is a key of its own, so each reaches the layer the one before it left on
 * top. Tab, Enter and Backspace in the run become those keys, and other control characters Ctrl+letter.
 */
export function splitInput (input: string, key: Key): Array<[string, Key]> {
  const chars = [...input]
  if (chars.length <= 1) return [[input, key]]
  return chars.map(ch => {
    const control = CONTROL[ch]
    if (control) return ['', { ...NO_KEY, ...control }]
    // Ctrl-A … Ctrl-Z in the run (Ctrl-U clearing a field before a pasted name) as Ink reports one alone.
    const code = ch.charCodeAt(0)
    if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ...NO_KEY, ctrl: true }]
    return [ch, { ...NO_KEY, shift: /[A-Z]/.test(ch) }]
  })
}

export function KeyProvider ({ children }: { children: ReactNode }) {
  const stack = useRef<Array<{ current: KeyHandler }>>([])
  const queue = useRef<Array<[string, Key]>>([])
  const waiting = useRef(false)
  const [delivered, setDelivered] = useState(0)
  const api = useMemo<KeyStack>(() => ({
    push: handler => {
      stack.current.push(handler)
      return () => { stack.current = stack.current.filter(h => h !== handler) }
    }
  }), [])
  const deliver = (part: [string, Key]) => {
    waiting.current = true
    // Re-renders this provider in the same commit as whatever the key changed; its layout effect below
    // then knows that commit is done.
    setDelivered(n => n + 1)
    stack.current[stack.current.length - 1]?.current(part[0], part[1])
  }
  useLayoutEffect(() => {
    waiting.current = false
    if (queue.current.length) {
      setImmediate(() => {
        const next = queue.current.shift()
        if (next) deliver(next)
      })
    }
  }, [delivered])
  useInput((input, key) => {
    const parts = splitInput(input, key)
    if (!waiting.current && queue.current.length === 0) {
      const [first, ...rest] = parts
      queue.current.push(...rest)
      deliver(first!)
    } else queue.current.push(...parts)
  })
  return <KeyContext.Provider value={api}>{children}</KeyContext.Provider>
}

/** Receives key presses while `active` and on top of the stack. */
export function useKeyLayer (handler: KeyHandler, active = true): void {
  const ctx = useContext(KeyContext)
  if (!ctx) throw new Error('useKeyLayer outside KeyProvider')
  const visible = useContext(KeyScope)
  const on = active && visible
  const ref = useRef(handler)
  useLayoutEffect(() => { ref.current = handler })
  useLayoutEffect(() => (on ? ctx.push(ref) : undefined), [on, ctx])
}

/**
 * Whether the part of the app below is on screen. A screen hidden under an overlay may still mount a
 * component (its data arrived late); that component must not take the keyboard from the overlay above.
 */
export const KeyScope = createContext(true)
