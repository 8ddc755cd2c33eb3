/**
 * CPU time spent by the server's processes, PostgreSQL's and the load generator's during a run,
 * read from /proc (Linux): shows whether a run was short of cores. Elsewhere: undefined.
 */
import { readdirSync, readFileSync } from 'node:fs'

type Ticks = { server: number; postgres: number }
const TICKS_PER_SECOND = 100 // USER_HZ on Linux

function processes(): { pid: number; ppid: number; comm: string; ticks: number }[] {
  const found = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const close = stat.lastIndexOf(')')
      const fields = stat.slice(close + 2).split(' ')
      // After "(comm)": state ppid … utime (14th field overall) stime (15th).
      found.push({ pid: Number(name), ppid: Number(fields[1]), comm: stat.slice(stat.indexOf('(') + 1, close), ticks: Number(fields[11]) + Number(fields[12]) })
    } catch {
      // The process ended while being read.
    }
  }
  return found
}

function snapshot(serverPid: number): Ticks {
  const all = processes()
  const tree = new Set([serverPid])
  for (let grew = true; grew;) {
    grew = false
    for (const p of all) {
      if (!tree.has(p.ppid) || tree.has(p.pid)) continue
      tree.add(p.pid)
      grew = true
    }
  }
  const sum = (keep: (p: (typeof all)[number]) => boolean) => all.filter(keep).reduce((s, p) => s + p.ticks, 0)
  return { server: sum((p) => tree.has(p.pid)), postgres: sum((p) => p.comm === 'postgres') }
}

export interface CoresBusy {
  server: number
  postgres: number
  generator: number
}

/** Starts counting; the returned function gives the cores each side kept busy on average since. */
export function countCpu(serverPid: number): (() => CoresBusy) | undefined {
  try {
    const start = snapshot(serverPid)
    const self = process.cpuUsage()
    const t0 = performance.now()
    return () => {
      const end = snapshot(serverPid)
      const seconds = (performance.now() - t0) / 1000
      const usage = process.cpuUsage(self)
      const cores = (ticks: number) => ticks / TICKS_PER_SECOND / seconds
      return { server: cores(end.server - start.server), postgres: cores(end.postgres - start.postgres), generator: (usage.user + usage.system) / 1e6 / seconds }
    }
  } catch {
    return undefined
  }
}
