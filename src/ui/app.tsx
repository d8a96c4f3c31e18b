/**
 * The app root: the frame (the current screen, the message line, the status bar) at the terminal's size,
 * the route (accounts list, the Due screen, or one account and its tab), the overlays on top (help, knowledge search,
 * reader), the first-run welcome, and the app-wide commands every screen falls back to.
 *
 * The accounts screen (and the Due screen an account was opened from) stays mounted (hidden) under an open account and overlays stay mounted under the
 * ones above them, so going back finds the filter, the selection and the search as they were.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { Box, useApp } from 'ink'
import { today as todayDate } from '../domain/index.js'
import type { KbIndex } from '../kb/types.js'
import type { Store } from '../store/index.js'
import type { SyncIndicator } from '../sync/indicator.js'
import { MessageLine, StatusBar } from './components/chrome.js'
import { AppContext, type AppServices, type KbState, type Message, type Preload } from './contexts/app-context.js'
import { KeyProvider } from './contexts/keys-context.js'
import { Layer } from './components/layer.js'
import type { AccountTab } from './hooks/use-account.js'
import { useIorWarning } from './hooks/use-ior-warning.js'
import { useSyncLine } from './hooks/use-sync-line.js'
import { useTerminalSize, type TerminalSize } from './hooks/use-terminal-size.js'
import type { ScreenId } from './keys/key-table.js'
import { AccountScreen } from './screens/account-screen.js'
import { AccountsScreen } from './screens/accounts-screen.js'
import { DueScreen } from './screens/due-screen.js'
import { HelpScreen } from './screens/help-screen.js'
import { KnowledgeOverlay } from './screens/knowledge-overlay.js'
import { Reader } from './screens/reader.js'
import { WelcomeScreen } from './screens/welcome-screen.js'
import { undoPlan, undoneMessage } from './format/undo.js'
import { defaultExportDir } from './format/export.js'
import { messageLines } from './format/text.js'
import { ThemeContext } from './theme/context.js'
import { colorTheme, type Theme, type Tone } from './theme/theme.js'

export interface AppProps {
  store: Store
  theme?: Theme
  /** Given on the first run: adds the demo accounts (the welcome screen offers them). */
  offerDemo?: ((store: Store) => Promise<unknown>) | undefined
  /** Loads the knowledge base (default: the shipped documents plus the workspace's own kb/). */
  loadKb?: () => Promise<KbIndex>
  /** Fixes "today" (tests); default: the machine's date. */
  today?: string
  /** Data read before the first frame (the accounts list), so it draws complete. */
  preload?: Preload
  /** A fixed size instead of the terminal's (drawing the frame to cache, off screen). */
  size?: TerminalSize
  /** Where exported documents go by default (default: `<home>/exports`, never the current folder). */
  exportDir?: string
  /** What the status bar says about sync: fixed text, or live from the host's peer node and presence. */
  sync?: string | SyncIndicator
}

/** Where the user is; an account remembers the screen it was opened from, where `q` goes back to. */
type Route = { name: 'accounts' } | { name: 'due' } | { name: 'account', id: string, tab: AccountTab, from: 'accounts' | 'due' }
type Overlay = { id: number, kind: 'help', screen: ScreenId } | { id: number, kind: 'knowledge', query: string } | { id: number, kind: 'reader', sectionId: string, find?: string }
type NewOverlay = Overlay extends infer O ? O extends Overlay ? Omit<O, 'id'> : never : never

let overlayIds = 0

async function defaultKb (store: Store): Promise<KbIndex> {
  const { loadIndex } = await import('../kb/load.js')
  return loadIndex(store.ws.paths.kb)
}

const NO_PRELOAD: Preload = {}

// eslint-disable-next-line max-lines-per-function -- the root component wiring every screen; not split yet (#16)
export function App ({ store, theme = colorTheme, offerDemo, loadKb, today, preload = NO_PRELOAD, size: fixedSize, exportDir: exportDirProp, sync = 'sync off' }: AppProps) {
  const exportDir = exportDirProp ?? defaultExportDir(store.ws.paths.root)
  const { exit } = useApp()
  const terminal = useTerminalSize()
  const { columns, rows } = fixedSize ?? terminal
  const [route, setRoute] = useState<Route>({ name: 'accounts' })
  const [overlays, setOverlays] = useState<Overlay[]>([])
  const [welcome, setWelcome] = useState<'ask' | 'adding' | undefined>(offerDemo ? 'ask' : undefined)
  const [message, setMessage] = useState<Message | undefined>()
  const [kb, setKb] = useState<KbState>({})

  useEffect(() => {
    let live = true
    ;(loadKb ?? (() => defaultKb(store)))().then(index => { if (live) setKb({ index }) }, (err: Error) => { if (live) setKb({ error: err.message }) })
    return () => { live = false }
  }, [store, loadKb])

  const notify = useCallback((text: string, tone: Tone = 'info') => setMessage({ text, tone }), [])
  const clearMessage = useCallback(() => setMessage(m => (m ? undefined : m)), [])
  const push = useCallback((o: NewOverlay) => setOverlays(list => [...list, { ...o, id: ++overlayIds } as Overlay]), [])
  const pop = useCallback(() => setOverlays(list => list.slice(0, -1)), [])

  const services = useMemo<AppServices>(() => {
    const names = new Map(store.ws.members().map(m => [m.id, m.name]))
    const openKnowledge = (query = '') => setOverlays(list => {
      // Back to the search already open (under a reader) rather than a second one.
      const at = list.findIndex(o => o.kind === 'knowledge')
      if (at >= 0 && query === '') return list.slice(0, at + 1)
      return [...list, { id: ++overlayIds, kind: 'knowledge', query }]
    })
    const accountName = (id: string) => (store.ws.hasAccount(id) ? store.ws.header(id).name : id)
    const undo = (verb: 'undo' | 'redo', scope?: string) => {
      const plan = undoPlan(verb, verb === 'undo' ? store.ws.undoStack.peek() : store.ws.undoStack.peekRedo(), scope, accountName)
      if (!plan.act) { notify(plan.message, 'info'); return }
      ;(verb === 'undo' ? store.ws.undo() : store.ws.redo()).then(
        done => { if (done) notify(undoneMessage(verb, done, accountName(done.accountId)), 'success') },
        (err: Error) => notify(`error: ${err.message}`, 'error'))
    }
    return {
      store,
      undo,
      today: today ?? todayDate(),
      preload,
      exportDir,
      notify,
      clearMessage,
      kb,
      memberName: id => (id ? names.get(id) ?? id.slice(0, 8) : 'someone'),
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
  }, [store, today, preload, exportDir, notify, clearMessage, kb, push, exit])

  const syncLine = useSyncLine(sync, route.name === 'account' ? route.id : undefined)
  const iorWarning = useIorWarning(store)
  const frameHeight = Math.max(8, rows - 1)
  // A long message (a whole file path) wraps onto up to three lines, taken from the screen above it.
  const shownMessage = messageLines(message?.text ?? '', columns, 3)
  const bodyHeight = frameHeight - 1 - shownMessage.length
  const size = { height: bodyHeight, width: columns }
  const covered = overlays.length > 0 || welcome !== undefined
  return (
    <ThemeContext.Provider value={theme}>
      <AppContext.Provider value={services}>
        <KeyProvider>
          <Box flexDirection='column' width={columns} height={frameHeight}>
            {/* Clipped vertically only: every line is already cut to the width (wrap='truncate'), and a
                horizontal clip makes Ink re-slice every line of every frame (a third of a keystroke's work). */}
            <Box flexDirection='column' height={bodyHeight} overflowY='hidden'>
              <Layer visible={!covered && route.name === 'accounts'}>
                <AccountsScreen {...size} onOpen={id => setRoute({ name: 'account', id, tab: 'profile', from: 'accounts' })} onDue={() => setRoute({ name: 'due' })} />
              </Layer>
              {route.name === 'due' || (route.name === 'account' && route.from === 'due')
                ? (
                  <Layer visible={!covered && route.name === 'due'}>
                    <DueScreen {...size} onOpen={(id, tab) => setRoute({ name: 'account', id, tab, from: 'due' })} onBack={() => setRoute({ name: 'accounts' })} />
                  </Layer>
                  )
                : null}
              {route.name === 'account'
                ? (
                  <Layer visible={!covered}>
                    <AccountScreen
                      {...size} id={route.id} tab={route.tab}
                      onTab={tab => setRoute({ ...route, tab })} onBack={() => setRoute(route.from === 'due' ? { name: 'due' } : { name: 'accounts' })}
                    />
                  </Layer>
                  )
                : null}
              {welcome !== undefined && offerDemo
                ? (
                  <Layer visible={overlays.length === 0}>
                    <WelcomeScreen
                      {...size} home={store.ws.paths.root} member={store.ws.member.name} busy={welcome === 'adding'}
                      onEmpty={() => setWelcome(undefined)}
                      onDemo={() => {
                        if (welcome === 'adding') return
                        setWelcome('adding')
                        offerDemo(store).then(
                          () => { setWelcome(undefined); notify('added the demo accounts: Enter opens one, ? shows the keys', 'success') },
                          (err: Error) => { setWelcome(undefined); notify(`error: ${err.message}`, 'error') })
                      }}
                    />
                  </Layer>
                  )
                : null}
              {overlays.map((o, i) => (
                <Layer key={o.id} visible={i === overlays.length - 1}>
                  {o.kind === 'help' ? <HelpScreen {...size} screen={o.screen} onClose={pop} /> : null}
                  {o.kind === 'knowledge' ? <KnowledgeOverlay {...size} query={o.query} onClose={pop} onOpen={sectionId => push({ kind: 'reader', sectionId })} /> : null}
                  {o.kind === 'reader' ? <Reader {...size} sectionId={o.sectionId} {...(o.find ? { find: o.find } : {})} onClose={pop} /> : null}
                </Layer>
              ))}
            </Box>
            <MessageLine lines={shownMessage} tone={message?.tone} />
            <StatusBar team={store.ws.config.team.name} member={store.ws.member.name} sync={iorWarning ? `${iorWarning} · ${syncLine}` : syncLine} width={columns} />
          </Box>
        </KeyProvider>
      </AppContext.Provider>
    </ThemeContext.Provider>
  )
}
