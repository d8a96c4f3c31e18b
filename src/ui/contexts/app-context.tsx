/**
 * What every screen may use: the open store, who is working, today's date, the message line, the
 * knowledge base (loaded once, in the background), and the app-wide commands — help, knowledge search,
 * undo, back/quit — that a screen's key handling falls back to.
 */
import { createContext, useContext } from 'react'
import type { KbIndex } from '../../kb/types.js'
import type { Store } from '../../store/index.js'
import type { AccountRow } from '../format/accounts.js'
import type { Seed } from '../hooks/use-store.js'
import type { CommandId, ScreenId } from '../keys/key-table.js'
import type { Tone } from '../theme/theme.js'

export interface Message { text: string, tone: Tone }

export interface Preload { accounts?: Seed<AccountRow[]> }

export type GlobalCommand = (name: string, screen: ScreenId) => void

export interface KbState { index?: KbIndex, error?: string }

export interface AppServices {
  store: Store
  /** Today's date (YYYY-MM-DD): what "overdue" is measured against. */
  today: string
  /** Data read before the first frame, so it draws complete (the accounts list). */
  preload: Preload
  /** Where exported documents go by default: `<home>/exports` (the export form can change it). */
  exportDir: string
  notify: (text: string, tone?: Tone) => void
  /** Undoes (or redoes) this member's last edit; with an account id, only an edit of that account. */
  undo: (verb: 'undo' | 'redo', accountId?: string) => void
  clearMessage: () => void
  /** Fallback handlers for commands a screen does not handle itself (app.help, app.knowledge, app.undo, app.back). */
  globals: Partial<Record<CommandId, GlobalCommand>>
  openKnowledge: (query?: string) => void
  /** Opens a section in the reader, scrolled to the line where `find` (a phrase of it) begins when given. */
  openReader: (sectionId: string, find?: string) => void
  kb: KbState
  /** Member id → name, for "answered by" and similar. */
  memberName: (id: string | undefined) => string
}

export const AppContext = createContext<AppServices | undefined>(undefined)

export function useAppServices (): AppServices {
  const ctx = useContext(AppContext)
  if (!ctx) throw new Error('useAppServices outside the app')
  return ctx
}
