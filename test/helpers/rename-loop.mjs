// A child process for the directory snapshot's kill test: opens the workspace (built code, as the CLI runs
// it) and renames one account over and over — a change to the workspace document each time — printing
// "done N" only once rename N is on disk. The parent kills it with SIGKILL, so it never closes the store
// (and never refreshes the snapshot).
import { Store } from '../../dist/store/index.js'

const [home, accountId, prefix] = process.argv.slice(2)
const store = await Store.open(home)
for (let n = 0; ; n++) {
  await store.accounts.set(accountId, { name: `${prefix} ${n}` })
  process.stdout.write(`done ${n}\n`)
}
