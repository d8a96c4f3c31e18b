/**
 * The services every screen reads through `useAppServices` (contexts/app-context.ts): the store, today, the
 * message line, the knowledge base and its overlays, member names, undo/redo with the message they leave,
 * and the app-wide commands a screen falls back to. Made again only when one of its inputs changes, so a
 * screen's memoised work does not redo itself on every frame.
 */
import { useMemo } from 'react'
import { today as todayDate } from '../../domain/index.js'
import type { Store } from '../../store/index.js'
import type { AppServices, KbState, Preload } from '../contexts/app-context.js'
import { undoPlan, undoneMessage } from '../format/undo.js'
import type { Tone } from '../theme/theme.js'
import type { NewOverlay } from './use-overlays.js'

export interface ServiceInputs {
  store: Store
  today: string | undefined
  preload: Preload
  exportDir: string
  kb: KbState
  notify: (text: string, tone?: Tone) => void
  clearMessage: () => void
  push: (o: NewOverlay) => void
  openKnowledge: (query?: string) => void
  exit: () => void
}

/** Undo or redo this member's last edit (of `scope`'s account when given), saying what was done or why not. */
function undoer (store: Store, notify: ServiceInputs['notify']) {
  const accountName = (id: string) => (store.ws.hasAccount(id) ? store.ws.header(id).name : id)
  return (verb: 'undo' | 'redo', scope?: string) => {
    const plan = undoPlan(verb, verb === 'undo' ? store.ws.undoStack.peek() : store.ws.undoStack.peekRedo(), scope, accountName)
    if (!plan.act) { notify(plan.message, 'info'); return }
    ;(verb === 'undo' ? store.ws.undo() : store.ws.redo()).then(
      done => { if (done) notify(undoneMessage(verb, done, accountName(done.accountId)), 'success') },
      (err: Error) => notify(`error: ${err.message}`, 'error'))
  }
}

export function useServices ({ store, today, preload, exportDir, kb, notify, clearMessage, push, openKnowledge, exit }: ServiceInputs): AppServices {
  return useMemo<AppServices>(() => {
    const undo = undoer(store, notify)
    return {
      store,
      undo,
      today: today ?? todayDate(),
      preload,
      exportDir,
      notify,
      clearMessage,
      kb,
      // Read when shown: the roster changes, and is not loaded in the app's first moments (store nameOf).
      memberName: id => (id ? store.roster.nameOf(id) ?? id.slice(0, 8) : 'someone'),
      openKnowledge,
      openReader: (sectionId, find) => push({ kind: 'reader', sectionId, ...(find ? { find } : {}) }),
      globals: {
        'app.help': (_name, screen) => push({ kind: 'help', screen }),
        'app.knowledge': () => openKnowledge(''),
        'app.undo': () => undo('undo'),
        'app.redo': () => undo('redo'),
        'app.back': () => exit()
      }
    }
  }, [store, today, preload, exportDir, notify, clearMessage, kb, push, openKnowledge, exit])
}
