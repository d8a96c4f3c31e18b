// @ts-check
// Import benchmark: `pat import` of a generated 10,000-row CSV (every account field a spreadsheet would hold,
// two IR#s on every tenth row) into an empty workspace — the real binary, as a team would run it — then the
// same file again (every row matched and unchanged), and the .xlsx of the same rows imported in this process,
// timed both by the clock and by the CPU time it used (on a machine shared with other work, the CPU time is
// what the import itself costs). Goal: 10,000 rows < 30 s.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { figure } from './stats.js'

const PAT = fileURLToPath(new URL('../bin/pat.cjs', import.meta.url))
const ROWS = Number(process.env.PAT_BENCH_IMPORT_ROWS ?? 10_000)
const STAGES = /** @type {const} */ (['select', 'establish', 'evaluate', 'improve', 'manage'])
const PORTS = /** @type {const} */ (['Savannah', 'Seattle', 'Long Beach'])

const ior = n => `${String(10 + (n % 89)).padStart(2, '0')}-${String(1_000_000 + n).padStart(7, '0')}`

function rows () {
  const out = [['Account Name', 'IR #', 'Lead Port', 'Stage', 'Import Value', 'Duties', 'National Rank', 'PFIs', 'Address', 'Notes']]
  for (let i = 0; i < ROWS; i++) {
    out.push([`Importer ${i} Inc.`, i % 10 === 0 ? `${ior(i)}; ${ior(i + 5_000_000)}` : ior(i), PORTS[i % 3] ?? '',
      STAGES[i % 5] ?? '', `$${(1_000_000 + i * 37).toLocaleString('en-US')}`, String(10_000 + i), String(1 + i), 'Automotive, Electronics', `${i} Dock Road`, 'Imported for the bench'])
  }
  return out
}

const csvCell = c => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)

function timed (home, args) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, [PAT, '--home', home, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`pat ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return { ms, report: JSON.parse(r.stdout) }
}

export async function run () {
  const dir = mkdtempSync(join(tmpdir(), 'pat-bench-import-'))
  try {
    const data = rows()
    const csv = join(dir, 'accounts.csv')
    writeFileSync(csv, data.map(r => r.map(csvCell).join(',')).join('\r\n') + '\r\n')
    const { default: ExcelJS } = await import('exceljs')
    const wb = new ExcelJS.Workbook()
    const sheet = wb.addWorksheet('Accounts')
    for (const r of data) sheet.addRow(r)
    const xlsx = join(dir, 'accounts.xlsx')
    await wb.xlsx.writeFile(xlsx)

    const home = join(dir, 'home')
    spawnSync(process.execPath, [PAT, '--home', home, 'init', '--name', 'Bench'], { encoding: 'utf8' })
    const first = timed(home, ['import', csv, '--json'])
    if (first.report.created !== ROWS) throw new Error(`import created ${first.report.created} of ${ROWS} accounts`)
    const again = timed(home, ['import', csv, '--json'])
    if (again.report.unchanged !== ROWS) throw new Error(`re-import left ${again.report.unchanged} of ${ROWS} unchanged`)
    const home2 = join(dir, 'home2')
    spawnSync(process.execPath, [PAT, '--home', home2, 'init', '--name', 'Bench'], { encoding: 'utf8' })
    const { Store } = await import('#dist/store/index.js')
    const { runImport } = await import('#dist/import/index.js')
    const store = await Store.open(home2)
    const cpu0 = process.cpuUsage()
    const t0 = process.hrtime.bigint()
    const xlsxReport = await runImport(store, xlsx)
    await store.close()
    const xlsxMs = Number(process.hrtime.bigint() - t0) / 1e6
    const cpu = process.cpuUsage(cpu0)
    if (xlsxReport.created !== ROWS) throw new Error(`.xlsx import created ${xlsxReport.created} of ${ROWS} accounts`)
    return {
      rows: ROWS,
      figures: [
        figure(`import ${ROWS} CSV rows, empty workspace`, first.ms / 1000, 's', { value: 30, text: '< 30 s' }),
        figure(`import the same ${ROWS} rows again (unchanged)`, again.ms / 1000, 's', { value: 30, text: '< 30 s' }),
        figure(`import ${ROWS} .xlsx rows, empty workspace`, xlsxMs / 1000, 's', { value: 30, text: '< 30 s' }),
        figure('  the same, CPU time (user + system)', (cpu.user + cpu.system) / 1e6, 's'),
        ...(existsSync('/proc/loadavg') ? [figure('load average (1 min) at the end', Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]), '')] : [])
      ]
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
