// A child process for the kept-answer kill test: records answers (built code, as the CLI runs it) of n lines
// under the stamp "n", n growing, over and over, printing "kept n" once each is in place. The parent kills it
// with SIGKILL at some moment of a recording.
import { OutputRecorder } from '../../dist/store/output-cache.js'
import { answer } from './output-answer.mjs'

const [dir] = process.argv.slice(2)
const KEY = { name: 'account-list', variant: 'active', parts: ['workspace'] }
for (let n = 20_000; ; n++) {
  const recorder = await OutputRecorder.start(dir, KEY)
  const text = answer(n)
  for (let i = 0; i < text.length; i += 4096) for (const part of recorder.tee([text.slice(i, i + 4096)])) void part
  recorder.keep(String(n))
  process.stdout.write(`kept ${n}\n`)
}
