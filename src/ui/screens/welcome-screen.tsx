/**
 * The first run on a fresh machine: the default workspace has just been created under the OS user's name.
 * First it asks the member's name (the OS user's as the default; Enter keeps it) — the name teammates see
 * and the activity log records. Then `d` adds the demo accounts so a newcomer sees a working app, Enter
 * starts empty.
 */
import { useState } from 'react'
import { Box } from 'ink'
import { Text } from '../components/text.js'
import { nameDefaultWorkspace } from '../../sync/naming.js'
import { TitleLine } from '../components/chrome.js'
import { KeyChoice, Paragraph } from '../components/paragraph.js'
import { TextInput } from '../components/text-input.js'
import { useAppServices } from '../contexts/app-context.js'
import { useTextLine } from '../hooks/use-text-line.js'
import { useCommands } from '../keys/use-commands.js'
import { useTheme } from '../theme/context.js'

export interface WelcomeProps { home: string, member: string, height: number, width: number, busy: boolean, onDemo: () => void, onEmpty: () => void }

export function WelcomeScreen ({ home, member, height, width, busy, onDemo, onEmpty }: WelcomeProps) {
  const theme = useTheme()
  const { store } = useAppServices()
  const name = useTextLine(member)
  const [named, setNamed] = useState<string | undefined>()
  const [problem, setProblem] = useState<string | undefined>()
  const [saving, setSaving] = useState(false)
  const asking = named === undefined
  const save = () => {
    if (saving) return
    setSaving(true)
    nameDefaultWorkspace(store, { name: name.get().value })
      .then(() => { setProblem(undefined); setNamed(store.ws.member.name) }, (err: Error) => setProblem(err.message))
      .finally(() => setSaving(false))
  }
  useCommands('welcome.name', { 'welcome.useName': save }, { active: asking, text: name })
  useCommands('welcome', { 'welcome.demo': onDemo, 'welcome.empty': onEmpty }, { active: !asking })
  return (
    <Box flexDirection='column' width={width} height={height}>
      <TitleLine title='Welcome to PAT Desk' right='? keys' width={width} />
      <Text> </Text>
      <Paragraph text={`A new workspace was created in ${home}${asking ? '.' : ` for ${named}.`}`} width={width} />
      <Text> </Text>
      {asking
        ? (
          <>
            <Paragraph text={'Your name, as teammates will see it in the team and in every account\'s activity log (Enter keeps it):'} width={width} />
            <Box><Text {...theme.text.accent}>Name: </Text><TextInput state={name.state} width={width - 7} /></Box>
            {problem ? <Text {...theme.status.error}>✗ {problem}</Text> : <Text> </Text>}
          </>
          )
        : (
          <>
            <Paragraph text={'PAT Desk keeps your team\'s accounts — profile, contacts, the Action Plan checklist and project list, CIPs — on this machine, saving every edit at once.'} width={width} />
            <Text> </Text>
            <KeyChoice keyLabel='d' text='add three clearly fictional demo accounts to look around' width={width} />
            <KeyChoice keyLabel='Enter' text='start with an empty workspace' width={width} />
            <KeyChoice keyLabel='q' text='quit' width={width} />
            <Text> </Text>
            {busy ? <Text {...theme.text.secondary}>adding the demo accounts…</Text> : null}
          </>
          )}
    </Box>
  )
}
