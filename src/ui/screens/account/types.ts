import type { AccountRecord } from '../../../store/index.js'
import type { Handlers } from '../../keys/use-commands.js'

/** What every tab of the account screen gets: the account snapshot, the screen's own keys (tabs, back) and its size. */
export interface TabProps {
  account: AccountRecord
  common: Handlers
  height: number
  width: number
}
