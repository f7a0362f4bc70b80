// Whether the machine is quiet enough to benchmark: the CPU of every other process, from /proc.
import { readFileSync, readdirSync } from 'node:fs';

const TICK = 100; // USER_HZ on Linux

function ticksByPid(): Map<number, { ticks: number; name: string }> {
  const out = new Map<number, { ticks: number; name: string }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(d), { ticks: Number(fields[11]) + Number(fields[12]), name });
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim().slice(0, 120);
  } catch {
    return '';
  }
}

export interface BusyProcess {
  pid: number;
  name: string;
  command: string;
  /** Percent of one core over the window. */
  cpuPercent: number;
}

/**
 * The processes other than `exclude` that used more than `minPercent` of a core during a window
 * of `ms`, busiest first, and their total (every process outside `exclude`, in percent of a core).
 */
export async function otherBusyProcesses(ms: number, exclude: ReadonlySet<number>, minPercent = 5): Promise<{ totalPercent: number; busy: BusyProcess[] }> {
  const before = ticksByPid();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const after = ticksByPid();
  const seconds = (performance.now() - t0) / 1000;
  let total = 0;
  const busy: BusyProcess[] = [];
  for (const [pid, { ticks, name }] of after) {
    if (exclude.has(pid)) continue;
    const used = (ticks - (before.get(pid)?.ticks ?? ticks)) / TICK;
    const percent = (used / seconds) * 100;
    total += percent;
    if (percent >= minPercent) busy.push({ pid, name, command: commandLine(pid), cpuPercent: Math.round(percent) });
  }
  busy.sort((a, b) => b.cpuPercent - a.cpuPercent);
  return { totalPercent: Math.round(total), busy };
}

/** The whole machine's busy CPU (all processes, from /proc/stat), in seconds of one core, since `start`. */
export class MachineCpu {
  private start = MachineCpu.busySeconds();
  private t0 = performance.now();

  static busySeconds(): number {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    // cpu user nice system idle iowait irq softirq steal ...: busy is all but idle and iowait.
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    return (f.reduce((a, b) => a + b, 0) - (f[3] ?? 0) - (f[4] ?? 0)) / TICK;
  }

  /** Busy CPU seconds and wall seconds since construction. */
  read(): { cpuSeconds: number; seconds: number } {
    return { cpuSeconds: MachineCpu.busySeconds() - this.start, seconds: (performance.now() - this.t0) / 1000 };
  }
}
