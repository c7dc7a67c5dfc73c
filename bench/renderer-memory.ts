/**
 * Memory of Chromium's renderer processes started by this benchmark (descendants
 * of this Node process with --type=renderer): the page and its workers, DuckDB-WASM's
 * memory included, live there. Linux only: read from /proc/<pid>/status.
 * VmHWM is the kernel's own record of a process's peak resident set, so no
 * peak can fall between two samples; samples every 250 ms keep it while the
 * process lives.
 */
import { readdirSync, readFileSync } from 'node:fs';

export class RendererMemory {
  private timer: NodeJS.Timeout | undefined;
  private peak = { pid: 0, hwm: 0 };
  private baseline = new Map<number, number>();

  start(): void {
    for (const r of renderers()) this.baseline.set(r.pid, r.rss);
    this.sample();
    this.timer = setInterval(() => this.sample(), 250);
  }

  /** Stops sampling; returns the peak resident set of the busiest renderer, in bytes. */
  stop(): number {
    if (this.timer) {
      this.sample();
      clearInterval(this.timer);
      this.timer = undefined;
    }
    return this.peak.hwm;
  }

  /** Resident set of that busiest renderer when start() was called (the app before any file). */
  get baselineBytes(): number {
    return this.baseline.get(this.peak.pid) ?? 0;
  }

  private sample(): void {
    for (const r of renderers()) if (r.hwm > this.peak.hwm) this.peak = { pid: r.pid, hwm: r.hwm };
  }
}

function renderers(): { pid: number; rss: number; hwm: number }[] {
  const parents = new Map<number, number>();
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may contain spaces, so split after the last ')'
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
      pids.push(Number(entry));
    } catch {
      // the process exited meanwhile
    }
  }
  const ours = (pid: number) => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === process.pid) return true;
    return false;
  };
  const found: { pid: number; rss: number; hwm: number }[] = [];
  for (const pid of pids) {
    if (!ours(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
      found.push({ pid, rss: kb('VmRSS'), hwm: kb('VmHWM') });
    } catch {
      // exited
    }
  }
  return found;
}
