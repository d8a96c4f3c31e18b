// A new user's first commands: an unknown command is named with the nearest ones; tables keep whole values
// in a pipe and are cut only to a real terminal's width; `pat` while the app is open in another terminal
// says so and prints the summary; error messages and option help read as English.
import { afterEach, describe, expect, it } from 'vitest'
import { pat, stderrLines } from '../helpers/cli.js'
import { tempDir } from '../helpers/home.js'
import { startApp, type TmuxApp } from '../helpers/tmux.js'

const LONG = 'Transpacific Consolidated Harbour Logistics and Bonded Warehousing Incorporated of the Gulf'
const apps: TmuxApp[] = []
afterEach(async () => { for (const a of apps.splice(0)) await a.kill() })

describe('unknown commands', () => {
  it('names an unknown command and the commands nearest to it, exit 2', async () => {
    const home = await tempDir()
    const typo = await pat(home, ['acount', 'list'])
    expect(typo).toMatchObject({ code: 2, stdout: '', stderr: "error: unknown command 'acount': did you mean pat account?\n" })
    expect((await pat(home, ['plna', 'add'])).stderr).toBe("error: unknown command 'plna': did you mean pat plan?\n")
  })

  it('lists the commands when none is near, in one line', async () => {
    const r = await pat(await tempDir(), ['frobnicate'])
    expect(r.code).toBe(2)
    expect(stderrLines(r)).toHaveLength(1)
    expect(r.stderr).toMatch(/^error: unknown command 'frobnicate': the commands are init, demo, status, .*account.*; `pat --help` says what each does\n$/)
    expect(r.stderr).not.toContain('too many arguments')
  })

  it('still runs the default summary with options only, and real commands after --home', async () => {
    const home = await tempDir()
    expect((await pat(home, ['--json'])).code).toBe(0)
    expect((await pat(home, ['help', 'account'])).code).toBe(0)
  })
})

describe('tables', () => {
  it('keep whole values when printed to a pipe', async () => {
    const home = await tempDir()
    await pat(home, ['demo'])
    expect((await pat(home, ['account', 'add', '--name', LONG])).code).toBe(0)
    const list = await pat(home, ['account', 'list'])
    expect(list.stdout).toContain(LONG)
    expect(list.stdout).toContain('Harborview Sample Electronics (DEMO)')
    expect(list.stdout).not.toContain('…')
  })

  it('are cut to the width of a real terminal', async () => {
    const home = await tempDir()
    await pat(home, ['demo'])
    await pat(home, ['account', 'add', '--name', LONG])
    const term = await startApp(home, { columns: 80, rows: 24, args: ['account', 'list'] })
    apps.push(term)
    const s = await term.waitFor('PAT-EXITED 0')
    const rows = s.split('\n').filter(l => l.includes('Transpacific'))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatch(/^Transpacific \S*…/)
    for (const line of s.split('\n')) expect([...line].length).toBeLessThanOrEqual(80)
  })

  it.each([80, 60])('fit a %i-column terminal with one line per account: no row wraps', async columns => {
    const home = await tempDir()
    await pat(home, ['demo'])
    const term = await startApp(home, { columns, rows: 24, args: ['account', 'list'] })
    apps.push(term)
    const s = await term.waitFor('PAT-EXITED 0')
    const printed = s.slice(0, s.indexOf('PAT-EXITED')).split('\n').filter(l => l.trim())
    // A row one character too wide would show as two lines here (the terminal wraps it).
    expect(printed).toHaveLength(4)
    expect(printed[0]).toMatch(/^NAME +ID +/)
    for (const [i, name] of ['Blue Heron', 'Harborview', 'Northwind'].entries()) expect(printed[i + 1]).toMatch(new RegExp(`^${name}`))
  })

  it('the same workspace listed at 80 then 60 columns fits each: a table kept for one width is not printed at another', async () => {
    const home = await tempDir()
    await pat(home, ['demo'])
    for (const columns of [80, 60, 80]) {
      const term = await startApp(home, { columns, rows: 24, args: ['account', 'list'] })
      apps.push(term)
      const s = await term.waitFor('PAT-EXITED 0')
      const printed = s.slice(0, s.indexOf('PAT-EXITED')).split('\n').filter(l => l.trim())
      expect(printed).toHaveLength(4)
      for (const line of printed) expect([...line].length).toBeLessThanOrEqual(columns)
      expect(Math.max(...printed.map(l => [...l].length)), `${columns} columns`).toBeGreaterThan(columns - 12)
    }
  })

  it('help in a 60-column terminal wraps at words, options and the text after them alike', async () => {
    const home = await tempDir()
    for (const [args, phrases] of [
      [['import', '--help'], ['Importing the same file again changes nothing.', 'its account (IR# or account name), the contact\'s name and side (account|customs|agency)']],
      [['due', '--help'], ['Project list item due (Account Action Plan, Project List)', 'Review the Account Action Plan with the account at least annually (SOP, Improve, step 6)']]
    ] as const) {
      const term = await startApp(home, { columns: 60, rows: 60, args: [...args] })
      apps.push(term)
      const s = await term.waitFor('PAT-EXITED 0')
      const lines = s.slice(0, s.indexOf('PAT-EXITED')).split('\n')
      for (const l of lines) expect([...l].length).toBeLessThanOrEqual(60)
      // A line the terminal cut in mid-word would read "Impor ting" here.
      const text = lines.map(l => l.trim()).join(' ')
      for (const p of phrases) expect(text).toContain(p)
    }
    // Into a pipe, 80 columns, as commander's own help.
    for (const l of (await pat(home, ['import', '--help'])).stdout.split('\n')) expect(l.length).toBeLessThanOrEqual(80)
  })

  it('pat log in a 60-column terminal: an entry wraps at words under its summary, a pipe keeps one line each', async () => {
    const home = await tempDir()
    await pat(home, ['demo'])
    const term = await startApp(home, { columns: 60, rows: 200, args: ['log', 'Harborview'] })
    apps.push(term)
    const s = await term.waitFor('PAT-EXITED 0')
    const lines = s.slice(0, s.indexOf('PAT-EXITED')).split('\n').filter(l => l.trim())
    expect(lines.some(l => l.startsWith(' '.repeat(18)))).toBe(true)
    for (const l of lines) {
      expect([...l].length).toBeLessThanOrEqual(60)
      expect(l).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d {2}\S| {18}\S/)
    }
    const piped = (await pat(home, ['log', 'Harborview'])).stdout.trim().split('\n')
    expect(piped.every(l => /^\d{4}-\d\d-\d\d \d\d:\d\d {2}\S/.test(l))).toBe(true)
    // The same entries: each wrapped one read back as its single line.
    const joined = lines.reduce<string[]>((out, l) => (l.startsWith(' ') ? [...out.slice(0, -1), `${out.at(-1)!} ${l.trim()}`] : [...out, l]), [])
    expect(joined).toEqual(piped)
  })

  it('pat due in a 60-column terminal: entries cut to the width, the rules wrapped at words under their name', async () => {
    const home = await tempDir()
    await pat(home, ['demo'])
    const term = await startApp(home, { columns: 60, rows: 40, args: ['due', '--within', '30d'] })
    apps.push(term)
    const s = await term.waitFor('PAT-EXITED 0')
    const lines = s.slice(0, s.indexOf('PAT-EXITED')).split('\n')
    const legend = lines.slice(lines.findIndex(l => / as of .*Rules:$/.test(l)) + 1).filter(l => l.trim())
    expect(legend.length).toBeGreaterThan(2)
    // A rule starts at two spaces; what does not fit continues at four, never in the middle of a word.
    for (const l of legend) expect(l).toMatch(/^ {2}[a-z-]+: \S|^ {4}\S/)
    expect(legend.some(l => l.startsWith('    '))).toBe(true)
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(60)
  })
})

describe('`pat` while the app is open', () => {
  it('says the app is open in another terminal, then prints the summary — in a terminal and in a pipe', async () => {
    const home = await tempDir()
    await pat(home, ['demo'])
    const app = await startApp(home)
    apps.push(app)
    await app.waitFor('Northwind')
    const second = await startApp(home)
    apps.push(second)
    const s = await second.waitFor('PAT-EXITED')
    expect(s).toContain('the app is already open on this workspace in another terminal; its summary:')
    expect(s).toMatch(/PAT Desk — .*\n(.*\n)*Accounts: 3 active/)
    expect(s).toContain('PAT-EXITED 0')
    const piped = await pat(home, [])
    expect(piped.code).toBe(0)
    expect(piped.stderr).toBe('the app is already open on this workspace in another terminal; its summary:\n')
    expect(piped.stdout).toMatch(/^PAT Desk — /)
  })
})

describe('wording', () => {
  it('names an impossible extension date as such', async () => {
    const home = await tempDir()
    await pat(home, ['demo'])
    const r = await pat(home, ['cip', 'extend', 'harborview', '1', '--until', '2026-02-30', '--reason', 'more time'])
    expect(r).toMatchObject({ code: 1, stderr: 'error: invalid extension date "2026-02-30": no such calendar day\n' })
  })

  it('offers "" to clear only fields that may be empty', async () => {
    const home = await tempDir()
    const help = (await pat(home, ['cip', 'extend', '--help'])).stdout
    expect(help).toMatch(/--until <value> +Extended until \(YYYY-MM-DD\) \[required\]\n/)
    expect(help).not.toContain('"" clears')
    const add = (await pat(home, ['plan', 'add', '--help'])).stdout
    expect(add).toMatch(/--title <value> +Title \[required\]\n/)
    expect(add).toMatch(/--due <value> +Due date \(YYYY-MM-DD\); "" clears\n/)
    // 004_7e84c79b4b761dce.txt: "A target date should be established for each action step": a step's text is
    // required, its target date and department may be cleared.
    const step = (await pat(home, ['cip', 'step', 'set', '--help'])).stdout
    expect(step).toMatch(/--action <value> +Action step \[required\]\n/)
    expect(step).toMatch(/--target <value> +Target date \(YYYY-MM-DD\); "" clears\n/)
    expect(step).toMatch(/--department <value> +Responsible department; "" clears\n/)
    // 001_f75c851ccf3a999b.txt, Identify Locations: the type decides which fields are needed, so none but
    // the type is required of every location.
    const location = (await pat(home, ['location', 'add', '--help'])).stdout
    expect(location).toMatch(/--type <value> +Location type\s+\([a-z|]+\)\s+\[required\]\n/)
    expect(location).toMatch(/--country <value> +Country; "" clears\n/)
    expect(location).toMatch(/--phone <value> +Telephone number; "" clears\n/)
  })
})
