/**
 * The one key table: every command of the app with its keys, a label and the screens it works on. Input
 * handling (`useCommands`) resolves a key press to a command id through this table, and the Help screen
 * lists the same table — so what `?` shows is exactly what the keys do.
 *
 * Key names: single characters as typed (`a`, `A`, `?`), `enter`, `escape`, `tab`, `shift-tab`, `up`,
 * `down`, `left`, `right`, `pageup`, `pagedown`, `home`, `end`, `space`, `backspace`, `ctrl-<letter>`.
 */
import type { Key } from 'ink'

export type ScreenId =
  | 'accounts' | 'filter' | 'welcome' | 'welcome.name'
  | 'account.profile' | 'account.contacts' | 'account.checklist' | 'account.plan' | 'account.cip' | 'account.activity'
  | 'account.entries' | 'due' | 'knowledge' | 'reader' | 'help' | 'input' | 'form' | 'editor' | 'confirm' | 'entry' | 'conflict'

export interface Command {
  id: CommandId
  keys: readonly string[]
  label: string
  /** The screens it works on; '*' = every screen (while not typing: printable keys type text in a field). */
  screens: readonly ScreenId[] | '*'
}

/** Screens with a text field that has the keyboard: printable keys are text there, never commands. */
export const TEXT_SCREENS: ReadonlySet<ScreenId> = new Set(['filter', 'knowledge', 'input', 'form', 'editor', 'welcome.name'])

const ACCOUNT: ScreenId[] = ['account.profile', 'account.contacts', 'account.checklist', 'account.plan', 'account.cip', 'account.activity']
const LISTS: ScreenId[] = ['accounts', ...ACCOUNT, 'account.entries', 'due', 'reader', 'help', 'entry']
/** The screens whose rows are fields or entries that can be in conflict and have a history. */
const FIELD_SCREENS: ScreenId[] = ['account.profile', 'account.contacts', 'account.checklist', 'account.plan', 'account.cip', 'account.entries']
/** The screens that show workspace data: undo and redo act there only (not in help, the search or the reader). */
export const DATA_SCREENS: readonly ScreenId[] = ['accounts', ...ACCOUNT, 'account.entries', 'due']

/**
 * Screen-specific commands come first: a key bound on a screen shadows the same key of a command that
 * works everywhere (`/` filters the accounts table; elsewhere it searches the knowledge base).
 */
const TABLE = [
  { id: 'welcome.useName', keys: ['enter'], label: 'Use this name (teammates see it; pat me set --name changes it later)', screens: ['welcome.name'] },
  { id: 'welcome.demo', keys: ['d'], label: 'Add the demo accounts', screens: ['welcome'] },
  { id: 'welcome.empty', keys: ['enter'], label: 'Start with an empty workspace', screens: ['welcome'] },

  { id: 'accounts.filter', keys: ['/'], label: 'Filter as you type (Enter keeps it, Esc clears it)', screens: ['accounts'] },
  { id: 'accounts.open', keys: ['enter'], label: 'Open the selected account', screens: ['accounts'] },
  { id: 'accounts.sort', keys: ['o'], label: 'Sort by the next column', screens: ['accounts'] },
  { id: 'accounts.reverse', keys: ['r'], label: 'Reverse the sort order', screens: ['accounts'] },
  { id: 'accounts.archived', keys: ['A'], label: 'Show or hide archived accounts', screens: ['accounts'] },
  { id: 'accounts.add', keys: ['a'], label: 'Add an account', screens: ['accounts'] },
  { id: 'accounts.import', keys: ['I'], label: 'Import accounts from a .csv or .xlsx file', screens: ['accounts'] },
  { id: 'accounts.due', keys: ['d'], label: 'What falls due: reviews, deadlines, plan items', screens: ['accounts'] },

  { id: 'due.open', keys: ['enter'], label: 'Open the account on the tab the entry is about (a workspace date: its accounts)', screens: ['due'] },
  { id: 'due.window', keys: ['w'], label: 'Period: all dates, within 30 days, within 90 days', screens: ['due'] },

  { id: 'tab.next', keys: ['tab', 'right', 'l'], label: 'Next tab', screens: ACCOUNT },
  { id: 'tab.prev', keys: ['shift-tab', 'left', 'h'], label: 'Previous tab', screens: ACCOUNT },
  { id: 'tab.goto', keys: ['1', '2', '3', '4', '5', '6'], label: 'Go to tab 1–6', screens: ACCOUNT },
  { id: 'account.export', keys: ['E'], label: 'Export a document: Action Plan, CIP, profile, questionnaire', screens: ACCOUNT },
  { id: 'account.changes', keys: ['C'], label: 'Teammates\' changes you had not seen when the account opened', screens: ACCOUNT },

  { id: 'profile.edit', keys: ['e', 'enter'], label: 'Edit the selected field (in conflict, marked !: both values, pick one; on Locations: the list)', screens: ['account.profile'] },
  { id: 'field.conflict', keys: ['!'], label: 'In conflict (marked !): both values of the selected field or row, pick one', screens: FIELD_SCREENS },
  { id: 'field.history', keys: ['H'], label: 'History of the selected field or row: every value, who set it and when', screens: FIELD_SCREENS },

  { id: 'conflict.keepKept', keys: ['1'], label: 'Keep the value the merge kept (closes the conflict for everyone)', screens: ['conflict'] },
  { id: 'conflict.keepReplaced', keys: ['2'], label: 'Keep the value the merge replaced (written as a new edit)', screens: ['conflict'] },
  { id: 'conflict.close', keys: ['escape', 'q'], label: 'Decide later: the field stays marked !', screens: ['conflict'] },

  { id: 'entries.add', keys: ['a'], label: 'Add one (a location: its type first, then the fields that type needs)', screens: ['account.entries'] },
  { id: 'entries.edit', keys: ['e', 'enter'], label: 'Edit the selected one', screens: ['account.entries'] },
  { id: 'entries.remove', keys: ['D'], label: 'Remove the selected one (u undoes)', screens: ['account.entries'] },

  { id: 'contacts.add', keys: ['a'], label: 'Add a contact', screens: ['account.contacts'] },
  { id: 'contacts.edit', keys: ['e', 'enter'], label: 'Edit the selected contact', screens: ['account.contacts'] },
  { id: 'contacts.remove', keys: ['D'], label: 'Remove the selected contact (u undoes)', screens: ['account.contacts'] },

  { id: 'checklist.yes', keys: ['y'], label: 'Answer Yes', screens: ['account.checklist'] },
  { id: 'checklist.no', keys: ['n'], label: 'Answer No/NA (asks for the reason)', screens: ['account.checklist'] },
  { id: 'checklist.clear', keys: ['c'], label: 'Clear the answer', screens: ['account.checklist'] },
  { id: 'checklist.guide', keys: ['g'], label: 'SOP guidance for the selected item', screens: ['account.checklist'] },
  { id: 'checklist.request', keys: ['a'], label: 'Add an item the account requests', screens: ['account.checklist'] },
  { id: 'checklist.other', keys: ['o'], label: 'Say what the "Other *" item is (Compliance K, Business H)', screens: ['account.checklist'] },

  { id: 'plan.add', keys: ['a'], label: 'Add a plan item', screens: ['account.plan'] },
  { id: 'plan.edit', keys: ['e', 'enter'], label: 'Edit the selected item', screens: ['account.plan'] },
  { id: 'plan.done', keys: ['d', 'x'], label: 'Complete the selected item', screens: ['account.plan'] },
  { id: 'plan.background', keys: ['b'], label: 'Edit the plan\'s background & structure (a long text)', screens: ['account.plan'] },
  { id: 'plan.scope', keys: ['S'], label: 'Edit the plan\'s scope (a long text)', screens: ['account.plan'] },
  { id: 'plan.facts', keys: ['B'], label: 'Edit the background\'s facts: CM results, supplier countries, Customs departments', screens: ['account.plan'] },

  { id: 'cip.add', keys: ['a'], label: 'Add a Compliance Improvement Plan', screens: ['account.cip'] },
  { id: 'cip.edit', keys: ['e', 'enter'], label: 'Edit the selected CIP', screens: ['account.cip'] },
  { id: 'cip.steps', keys: ['t'], label: 'Action steps of the selected CIP (a target date and a department each)', screens: ['account.cip'] },

  { id: 'activity.show', keys: ['enter'], label: 'Show the whole entry', screens: ['account.activity'] },
  { id: 'entry.close', keys: ['enter', 'q', 'escape'], label: 'Close the entry', screens: ['entry'] },

  { id: 'editor.save', keys: ['ctrl-s'], label: 'Save the text (Enter starts a new line)', screens: ['editor'] },
  { id: 'editor.cancel', keys: ['escape'], label: 'Cancel the edit', screens: ['editor'] },
  { id: 'editor.up', keys: ['up'], label: 'Line up', screens: ['editor'] },
  { id: 'editor.down', keys: ['down'], label: 'Line down', screens: ['editor'] },

  { id: 'confirm.yes', keys: ['y'], label: 'Yes, go ahead', screens: ['confirm'] },
  { id: 'confirm.no', keys: ['n', 'escape', 'q'], label: 'No, keep things as they are', screens: ['confirm'] },

  { id: 'knowledge.open', keys: ['enter'], label: 'Read the selected section', screens: ['knowledge'] },
  { id: 'knowledge.up', keys: ['up'], label: 'Previous result', screens: ['knowledge'] },
  { id: 'knowledge.down', keys: ['down'], label: 'Next result', screens: ['knowledge'] },
  { id: 'knowledge.close', keys: ['escape'], label: 'Close the search', screens: ['knowledge'] },
  { id: 'reader.nextPart', keys: [']'], label: 'Next part of a long section (also past the end of a part)', screens: ['reader'] },
  { id: 'reader.prevPart', keys: ['['], label: 'Previous part of a long section', screens: ['reader'] },
  { id: 'reader.openSub', keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], label: 'Open sub-section 1–9 ("In this section"); q comes back', screens: ['reader'] },

  { id: 'help.close', keys: ['?', 'q', 'escape'], label: 'Close the help', screens: ['help'] },

  { id: 'input.submit', keys: ['enter'], label: 'Save (Enter keeps the filter)', screens: ['input', 'form', 'filter'] },
  { id: 'input.cancel', keys: ['escape'], label: 'Cancel (Esc clears the filter)', screens: ['input', 'form', 'filter'] },
  { id: 'form.next', keys: ['tab', 'down'], label: 'Next field', screens: ['form'] },
  { id: 'form.prev', keys: ['shift-tab', 'up'], label: 'Previous field', screens: ['form'] },
  { id: 'filter.up', keys: ['up'], label: 'Move up while filtering', screens: ['filter'] },
  { id: 'filter.down', keys: ['down'], label: 'Move down while filtering', screens: ['filter'] },

  { id: 'nav.up', keys: ['up', 'k'], label: 'Move up', screens: LISTS },
  { id: 'nav.down', keys: ['down', 'j'], label: 'Move down', screens: LISTS },
  { id: 'nav.pageUp', keys: ['pageup', 'ctrl-b'], label: 'Page up', screens: LISTS },
  { id: 'nav.pageDown', keys: ['pagedown', 'space', 'ctrl-d'], label: 'Page down', screens: LISTS },
  { id: 'nav.top', keys: ['home'], label: 'First line', screens: LISTS },
  { id: 'nav.bottom', keys: ['end', 'G'], label: 'Last line', screens: LISTS },

  { id: 'app.help', keys: ['?'], label: 'Help: the keys of this screen', screens: '*' },
  { id: 'app.knowledge', keys: ['ctrl-f', 's', '/'], label: 'Search the SOP knowledge base', screens: '*' },
  { id: 'app.undo', keys: ['u'], label: 'Undo your last edit (the message says what it was)', screens: DATA_SCREENS },
  { id: 'app.redo', keys: ['U', 'ctrl-r'], label: 'Redo what u undid', screens: DATA_SCREENS },
  { id: 'app.back', keys: ['q', 'escape'], label: 'Back (on the accounts list: clear the filter, else quit)', screens: '*' }
] as const satisfies ReadonlyArray<{ id: string, keys: readonly string[], label: string, screens: readonly ScreenId[] | '*' }>

/**
 * Every command id: a union the compiler checks, so a handler for a command that does not exist (or a
 * typo in one) fails to compile, and test/ui/key-table.test.ts checks that every command has a handler.
 */
export type CommandId = typeof TABLE[number]['id']

export const COMMANDS: readonly Command[] = TABLE

/** The key name of an Ink input event (see the header for the names). */
export function keyName (input: string, key: Key): string {
  if (key.upArrow) return 'up'
  if (key.downArrow) return 'down'
  if (key.leftArrow) return 'left'
  if (key.rightArrow) return 'right'
  if (key.pageUp) return 'pageup'
  if (key.pageDown) return 'pagedown'
  if (key.home) return 'home'
  if (key.end) return 'end'
  if (key.tab) return key.shift ? 'shift-tab' : 'tab'
  if (key.return) return 'enter'
  if (key.escape) return 'escape'
  // Most terminals send DEL for the Backspace key, which Ink reports as `delete`.
  if (key.backspace || key.delete) return 'backspace'
  if (key.ctrl && input) return `ctrl-${input.toLowerCase()}`
  if (key.meta && input) return `meta-${input}`
  if (input === ' ') return 'space'
  return input
}

/** A printable key: in a text field it is text, not a command. */
export function isPrintable (name: string): boolean {
  return name === 'space' || (name.length >= 1 && !/^(ctrl|meta)-/.test(name) && [...name].every(ch => ch >= ' ' && ch !== '\x7f') && !NAMED.has(name))
}

const NAMED = new Set(['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'tab', 'shift-tab', 'enter', 'escape', 'backspace'])

const appliesTo = (c: Command, screen: ScreenId) => c.screens === '*' || c.screens.includes(screen)

/** The command a key runs on a screen, if any. */
export function matchCommand (screen: ScreenId, name: string): Command | undefined {
  if (TEXT_SCREENS.has(screen) && isPrintable(name)) return undefined
  return COMMANDS.find(c => appliesTo(c, screen) && c.keys.includes(name))
}

/** The commands of a screen with the keys that reach them there (shadowed and typed keys left out): the Help screen. */
export function commandsFor (screen: ScreenId): Array<Command & { keys: string[] }> {
  const out: Array<Command & { keys: string[] }> = []
  for (const c of COMMANDS) {
    if (!appliesTo(c, screen)) continue
    const keys = c.keys.filter(k => matchCommand(screen, k) === c)
    if (keys.length) out.push({ ...c, keys })
  }
  return out
}

const DISPLAY: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  tab: 'Tab',
  'shift-tab': 'Shift-Tab',
  enter: 'Enter',
  escape: 'Esc',
  space: 'Space',
  backspace: 'Backspace'
}

/** How a key is written for people: `Ctrl-F`, `Shift-Tab`, `↑`. */
export function formatKey (name: string): string {
  if (DISPLAY[name]) return DISPLAY[name]!
  const ctrl = /^ctrl-(.)$/.exec(name)
  if (ctrl) return `Ctrl-${ctrl[1]!.toUpperCase()}`
  return name
}

export function formatKeys (keys: readonly string[]): string {
  // Digit runs read better as a range: 1–6.
  const digits = keys.filter(k => /^\d$/.test(k))
  const rest = keys.filter(k => !/^\d$/.test(k)).map(formatKey)
  if (digits.length > 2) rest.unshift(`${digits[0]}–${digits[digits.length - 1]}`)
  else rest.unshift(...digits)
  return rest.join(' ')
}

/** The short hint of a command's first key, for footers: `a add`. */
export function hint (screen: ScreenId, id: CommandId, text: string): string | undefined {
  const c = commandsFor(screen).find(x => x.id === id)
  return c ? `${formatKey(c.keys[0]!)} ${text}` : undefined
}
