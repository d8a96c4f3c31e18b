/**
 * Scrolling a text of `count` lines in `view` lines (help, an activity entry): the first line shown and
 * the list keys' handlers that move it, never past either end.
 */
import { useState } from 'react'
import { navHandlers } from '../keys/nav-handlers.js'
import type { Handlers } from '../keys/use-commands.js'

export function useScroll (count: number, view: number): { top: number, handlers: Handlers } {
  const [top, setTop] = useState(0)
  const max = Math.max(0, count - view)
  const go = (t: number) => setTop(Math.max(0, Math.min(max, t)))
  return { top: Math.min(top, max), handlers: navHandlers(top, go, view, max) }
}
