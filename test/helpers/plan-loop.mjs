// A child process for the summaries' aggregate kill test: opens the workspace (built code, as the CLI runs
// it) and adds plan items to one account over and over — a change to the account's summary and due input
// each time — printing "done N" only once item N is on disk. The parent kills it with SIGKILL, so it never
// closes the store (and never writes the aggregates).
import { Store } from '../../dist/store/index.js'

const [home, accountId, prefix] = process.argv.slice(2)
const store = await Store.open(home)
for (let n = 0; ; n++) {
  await store.plan.items.add(accountId, { title: `${prefix} ${n}`, priority: 'low', due: '2027-01-15' })
  process.stdout.write(`done ${n}\n`)
}
