// A child process for the crash test: opens the workspace (built code, as the CLI runs it) and adds plan
// items one after another, printing "done N" only once item N is on disk. The parent kills it with SIGKILL.
import { Store } from '../../dist/store/index.js'

const [home, accountId, prefix] = process.argv.slice(2)
const store = await Store.open(home)
for (let n = 0; ; n++) {
  await store.plan.items.add(accountId, { title: `${prefix} ${n}`, priority: 'medium' })
  process.stdout.write(`done ${n}\n`)
}
