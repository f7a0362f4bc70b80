// CPU and memory of processes, read from /proc (Linux): utime+stime in clock ticks, VmRSS.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const TICK = 100; // USER_HZ on Linux

function cpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function rssKb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** The process listening on a TCP port of this machine (`ss`), or null. */
export function pidListening(port: number): number | null {
  try {
    const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
    const m = /pid=(\d+)/.exec(out);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Children of a process (Postgres backends of the postmaster). */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out;
}

export interface ProcStats {
  /** Mean CPU over the window, in percent of one core. */
  cpuPercent: number;
  cpuSeconds: number;
  rssStartMb: number;
  rssEndMb: number;
  rssMaxMb: number;
}

/** Samples a group of pids (summed) every `everyMs` between `start` and `stop`. */
export class ProcSampler {
  private timer: NodeJS.Timeout | null = null;
  private t0 = 0;
  private cpu0 = 0;
  private cpuLast = 0;
  private rss: number[] = [];
  constructor(private readonly pids: () => number[], private readonly everyMs = 500) {}

  private sample(): { cpu: number; rss: number } {
    let cpu = 0;
    let rss = 0;
    for (const pid of this.pids()) {
      cpu += cpuTicks(pid) ?? 0;
      rss += rssKb(pid) ?? 0;
    }
    return { cpu, rss };
  }

  start(): void {
    const s = this.sample();
    this.t0 = performance.now();
    this.cpu0 = s.cpu;
    this.cpuLast = s.cpu;
    this.rss = [s.rss];
    this.timer = setInterval(() => {
      const x = this.sample();
      this.cpuLast = x.cpu;
      this.rss.push(x.rss);
    }, this.everyMs);
    this.timer.unref();
  }

  stop(): ProcStats {
    if (this.timer) clearInterval(this.timer);
    const s = this.sample();
    this.cpuLast = Math.max(this.cpuLast, s.cpu);
    this.rss.push(s.rss);
    const seconds = (performance.now() - this.t0) / 1000;
    const cpuSeconds = (this.cpuLast - this.cpu0) / TICK;
    const mb = (kb: number) => Math.round(kb / 102.4) / 10;
    return {
      cpuPercent: Math.round((cpuSeconds / Math.max(seconds, 1e-3)) * 1000) / 10,
      cpuSeconds: Math.round(cpuSeconds * 100) / 100,
      rssStartMb: mb(this.rss[0] ?? 0),
      rssEndMb: mb(this.rss.at(-1) ?? 0),
      rssMaxMb: mb(Math.max(...this.rss)),
    };
  }
}
