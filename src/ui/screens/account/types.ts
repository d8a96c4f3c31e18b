import type { AccountRecord, Change } from '../../../store/index.js'
import type { Handlers } from '../../keys/use-commands.js'

/** What every tab of the account screen gets: the account snapshot, the screen's own keys (tabs, back) and its size. */
export interface TabProps {
  account: AccountRecord
  common: Handlers
  height: number
  width: number
  /** Teammates' changes not seen before this opening (highlighted; the Activity tab lists them). */
  unseen?: readonly Change[]
}
