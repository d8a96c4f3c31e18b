/**
 * The list keys (nav.up/down, page up/down, first/last line) as handlers over one position, for every screen
 * that moves through lines: a list's cursor (use-list.ts) and a scrolled text (use-scroll.ts). `go` keeps the
 * position within its bounds; `page` is how far a page moves and `last` the last position.
 */
import type { Handlers } from './use-commands.js'

export function navHandlers (at: number, go: (position: number) => void, page: number, last: number): Handlers {
  return {
    'nav.up': () => go(at - 1),
    'nav.down': () => go(at + 1),
    'nav.pageUp': () => go(at - page),
    'nav.pageDown': () => go(at + page),
    'nav.top': () => go(0),
    'nav.bottom': () => go(last)
  }
}
