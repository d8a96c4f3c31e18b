/**
 * The account screen: the account's name, IR#s, lead port and stage on top, then tabs — Profile, Contacts,
 * Checklist, Action Plan, CIP, Activity — switched with Tab/Shift-Tab (or ←/→, or 1–6). Every edit saves
 * at once; remote edits appear as they arrive. `E` exports one of the SOP's documents for the account.
 */
import { useState } from 'react'
import { Box } from 'ink'
import { Text } from '../components/text.js'
import { STAGE_LABELS } from '../../domain/index.js'
import { TabBar, TitleLine } from '../components/chrome.js'
import { Layer } from '../components/layer.js'
import { useAppServices } from '../contexts/app-context.js'
import { ACCOUNT_TABS, TAB_LABELS, TAB_SHORT, useAccount, useOpenedChanges, type AccountTab } from '../hooks/use-account.js'
import { unseenByTab, unseenLine } from '../format/unseen.js'
import { changesText } from '../format/changes.js'
import { TextPanel } from '../components/text-panel.js'
import { useCommands, type Handlers } from '../keys/use-commands.js'
import { useTheme } from '../theme/context.js'
import { ActivityTab } from './account/activity-tab.js'
import { ChecklistTab } from './account/checklist-tab.js'
import { CipTab } from './account/cip-tab.js'
import { ExportForm } from './account/export-form.js'
import { ContactsTab } from './account/contacts-tab.js'
import { PlanTab } from './account/plan-tab.js'
import { ProfileTab } from './account/profile-tab.js'
import type { TabProps } from './account/types.js'

export interface AccountScreenProps {
  id: string
  tab: AccountTab
  onTab: (tab: AccountTab) => void
  onBack: () => void
  height: number
  width: number
}

export function AccountScreen ({ id, tab, onTab, onBack, height, width }: AccountScreenProps) {
  const { store, undo } = useAppServices()
  const theme = useTheme()
  const snap = useAccount(store, id)
  const unseen = useOpenedChanges(store, id)
  const [exporting, setExporting] = useState(false)
  // C: the teammates' changes this opening found unseen, listed whole.
  const [changesShown, setChangesShown] = useState(false)
  const i = ACCOUNT_TABS.indexOf(tab)
  const common: Handlers = {
    'tab.next': () => onTab(ACCOUNT_TABS[(i + 1) % ACCOUNT_TABS.length]!),
    'tab.prev': () => onTab(ACCOUNT_TABS[(i + ACCOUNT_TABS.length - 1) % ACCOUNT_TABS.length]!),
    'tab.goto': name => { const t = ACCOUNT_TABS[Number(name) - 1]; if (t) onTab(t) },
    'account.export': () => setExporting(true),
    'account.changes': () => setChangesShown(true),
    'app.undo': () => undo('undo', id),
    'app.redo': () => undo('redo', id),
    'app.back': onBack
  }
  const a = snap.data
  if (!a) {
    return (
      <Box flexDirection='column' width={width} height={height}>
        <TitleLine title='Account' right='q back' width={width} />
        <Text {...(snap.error ? theme.status.error : theme.text.secondary)}>{snap.error ? `error: ${(snap.error as Error).message}` : 'Loading…'}</Text>
        <BackOnly common={common} />
      </Box>
    )
  }
  const ior = a.iors.length ? `IR# ${a.iors[0]}${a.iors.length > 1 ? ` +${a.iors.length - 1}` : ''}` : 'no IR# yet'
  const title = `${a.name}${a.archived ? ' (archived)' : ''} · ${ior} · ${a.leadPort || 'no lead port'} · ${STAGE_LABELS[a.stage]}`
  const h = Math.max(3, height - 2 - (unseen.length ? 1 : 0))
  const props = { account: a, common, height: h, width, unseen }
  const marked = unseenByTab(unseen)
  // A tab with teammates' changes not seen before this opening shows "•" (the word, never a colour alone).
  const tabs = ACCOUNT_TABS.map(t => marked[t] ? { label: `${TAB_LABELS[t]}•`, short: `${TAB_SHORT[t]}•` } : { label: TAB_LABELS[t], short: TAB_SHORT[t] })
  return (
    <Box flexDirection='column' width={width} height={height}>
      <TitleLine title={title} right='Tab next · q back' width={width} />
      <TabBar tabs={tabs} active={i} width={width} />
      {unseen.length ? <Text wrap='truncate' {...theme.status.warning}>{unseenLine(unseen)}</Text> : null}
      {exporting ? <ExportForm account={a} height={h} width={width} onClose={() => setExporting(false)} /> : null}
      {changesShown ? <TextPanel title={`Changes in ${a.name} since you last looked`} text={changesText(unseen)} height={h} width={width} onClose={() => setChangesShown(false)} /> : null}
      <Layer visible={!exporting && !changesShown}><ActiveTab tab={tab} {...props} /></Layer>
    </Box>
  )
}

function ActiveTab ({ tab, ...props }: { tab: AccountTab } & TabProps) {
  return (
    <>
      {tab === 'profile' ? <ProfileTab {...props} /> : null}
      {tab === 'contacts' ? <ContactsTab {...props} /> : null}
      {tab === 'checklist' ? <ChecklistTab {...props} /> : null}
      {tab === 'plan' ? <PlanTab {...props} /> : null}
      {tab === 'cip' ? <CipTab {...props} /> : null}
      {tab === 'activity' ? <ActivityTab {...props} /> : null}
    </>
  )
}

/** While the account loads (or cannot be read), `q` still goes back. */
function BackOnly ({ common }: { common: Handlers }) {
  useCommands('account.profile', common)
  return null
}
