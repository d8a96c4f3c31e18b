/**
 * The screens of the route: the accounts list (always mounted), the Due screen (mounted while it or an
 * account opened from it is shown) and the open account. Hidden ones stay mounted, so going back finds
 * the filter, the selection and the search as they were.
 */
import { Layer } from '../components/layer.js'
import type { AccountTab } from '../hooks/use-account.js'
import { AccountScreen } from './account-screen.js'
import { AccountsScreen } from './accounts-screen.js'
import { DueScreen } from './due-screen.js'

/** Where the user is; an account remembers the screen it was opened from, where `q` goes back to. */
export type Route = { name: 'accounts' } | { name: 'due' } | { name: 'account', id: string, tab: AccountTab, from: 'accounts' | 'due' }

export interface RouteScreensProps {
  route: Route
  setRoute: (route: Route) => void
  /** Something (an overlay, the welcome) is drawn over the route: none of its screens shows. */
  covered: boolean
  height: number
  width: number
}

export function RouteScreens ({ route, setRoute, covered, height, width }: RouteScreensProps) {
  const size = { height, width }
  return (
    <>
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
    </>
  )
}
