/**
 * The accounts screen's keys: its own commands while the table has the keys, and the filter line's while a
 * filter is typed (↑/↓ still move the selection). Neither is active while the add form or an import is open.
 */
import { useAppServices } from '../contexts/app-context.js'
import { useCommands } from '../keys/use-commands.js'
import type { useAccountsScreen } from './use-accounts-screen.js'

export interface AccountsCommandsOptions {
  onOpen: (id: string) => void
  onDue: () => void
  /** Opens the import flow. */
  onImport: () => void
  /** The import flow is open: it has the keys. */
  importing: boolean
}

export function useAccountsCommands (s: ReturnType<typeof useAccountsScreen>, { onOpen, onDue, onImport, importing }: AccountsCommandsOptions): void {
  const { notify, globals } = useAppServices()
  useCommands('accounts', {
    ...s.cursor.handlers,
    'accounts.filter': () => s.setFiltering(true),
    'accounts.open': () => { if (s.selected) onOpen(s.selected.id) },
    'accounts.sort': s.nextSort,
    'accounts.reverse': s.toggleReverse,
    'accounts.archived': () => { s.toggleArchived(); notify(s.archived ? 'archived accounts hidden' : 'showing archived accounts', 'info') },
    'accounts.add': () => s.setAdding(true),
    'accounts.import': onImport,
    'accounts.due': onDue,
    // Esc/q take back the filter first (as the filter's hint says); with nothing to clear they quit.
    'app.back': name => { if (s.filter.state.value) s.filter.reset(''); else globals['app.back']?.(name, 'accounts') }
  }, { active: !s.filtering && !s.adding && !importing })

  useCommands('filter', {
    'input.submit': () => s.setFiltering(false),
    'input.cancel': () => { s.filter.reset(''); s.setFiltering(false) },
    'filter.up': s.cursor.handlers['nav.up']!,
    'filter.down': s.cursor.handlers['nav.down']!
  }, { active: s.filtering, text: s.filter })
}
