import { cpus, loadavg, totalmem } from 'node:os'
import type { Figure } from './figure.js'

/** The machine a run measured, as results.json and docs/performance.md name it. */
export interface Machine {
  cpu: string
  cores: number
  memoryGiB: number
  node: string
  platform: string
  /** 1-minute load average when the run started: above the core count, other work shared the machine. */
  loadAtStart: number
}

/** The machine this process runs on. */
export function thisMachine(): Machine {
  const cores = cpus()
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAtStart: Math.round(loadavg()[0]! * 100) / 100,
  }
}

/** The whole result of a run, as written to results.json. */
export interface Results {
  mode: 'full' | 'quick'
  started: string
  seconds: number
  machine: Machine
  figures: Figure[]
}

/**
 * The results as a text table: one block per section, each figure with its median, ratio, target
 * and verdict (`met`, `MISSED`); an invalid figure reads INVALID with its reason.
 */
export function formatTable(results: Results): string {
  const { machine } = results
  const lines = [
    `mock-cloud benchmark, ${results.mode} mode, ${results.started}, ${results.seconds.toFixed(0)} s`,
    `machine: ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node.js ${machine.node}, ${machine.platform}, load ${machine.loadAtStart} at start`,
  ]
  const rows: string[][] = []
  let section = ''
  for (const item of results.figures) {
    if (item.section !== section) {
      section = item.section
      rows.push([], [section])
    }
    rows.push([
      `  ${item.label}`,
      item.value === null ? 'INVALID' : `${formatNumber(item.value)} ${item.unit}`,
      item.ratio ? `${item.ratio.value === null ? '—' : `${item.ratio.value < 0.1 ? item.ratio.value.toPrecision(2) : item.ratio.value.toFixed(2)} ×`} ${shortName(item.ratio.to)}` : '',
      item.target?.text ?? '',
      item.target ? (item.target.met ? 'met' : 'MISSED') : '',
      item.invalid ?? '',
    ])
  }
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => (row.length > 1 ? (row[column] ?? '').length : 0))))
  for (const row of rows) {
    if (row.length <= 1) lines.push(row[0] ?? '')
    else lines.push(row.map((cell, column) => (column < 4 ? cell.padEnd(widths[column]!) : cell)).join('  ').trimEnd())
  }
  return `${lines.join('\n')}\n`
}

/** A number with three significant digits at most below 100, thousands separated above. */
export function formatNumber(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en')
  return value.toPrecision(3)
}

function shortName(id: string): string {
  return { 'http.floor-fixed': 'fixed floor', 'http.floor-filter': 'filter floor', 'http.floor-filter-objects': 'objects filter floor' }[id] ?? `${id.split('.').slice(1).join(' at ')}`
}
