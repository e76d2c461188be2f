/**
 * What the room costs the machine: the workerd process that `partykit dev` starts runs every
 * room, so its resident memory and CPU time are the room's. Read from /proc (Linux), sampled
 * while a scenario runs.
 */
import { readdirSync, readFileSync } from "node:fs";

/** Linux's clock ticks per second for /proc/<pid>/stat times (USER_HZ; 100 on every common build). */
const TICKS_PER_SECOND = 100;
const SAMPLE_MS = 100;

interface Stat {
  pgid: number;
  comm: string;
  cpuTicks: number;
}

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may contain spaces: split after the last ")".
    const close = text.lastIndexOf(")");
    const comm = text.slice(text.indexOf("(") + 1, close);
    const fields = text.slice(close + 2).split(" ");
    // Fields after ")": state(0) ppid(1) pgrp(2) … utime(11) stime(12).
    return { pgid: Number(fields[2]), comm, cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

export function residentBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The workerd process in the process group led by `partykit dev` (pid = pgid). */
export function findWorkerd(groupLeader: number): number {
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (stat && stat.pgid === groupLeader && stat.comm === "workerd") return pid;
  }
  throw new Error(`no workerd in process group ${groupLeader}`);
}

export interface Usage {
  /** Highest resident set size seen while sampling (MB). */
  peakRssMb: number;
  /** CPU time over wall time, in percent of one core (200 % = both cores of this machine). */
  cpuPercent: number;
  /** The same for the bench itself (the load generator), to tell whose limit a number shows. */
  benchCpuPercent: number;
}

/** Samples `pid` until the returned function is called, which gives the usage over that span. */
export function sampleUsage(pid: number): () => Usage {
  const startedAt = performance.now();
  const startTicks = readStat(pid)?.cpuTicks ?? 0;
  const startCpu = process.cpuUsage();
  let peak = residentBytes(pid);
  const timer = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), SAMPLE_MS);
  return () => {
    clearInterval(timer);
    peak = Math.max(peak, residentBytes(pid));
    const seconds = (performance.now() - startedAt) / 1000;
    const cpuSeconds = ((readStat(pid)?.cpuTicks ?? startTicks) - startTicks) / TICKS_PER_SECOND;
    const bench = process.cpuUsage(startCpu);
    const percent = (busySeconds: number) => (seconds > 0 ? Math.round((100 * busySeconds) / seconds) : 0);
    return { peakRssMb: round(peak / 2 ** 20, 1), cpuPercent: percent(cpuSeconds), benchCpuPercent: percent((bench.user + bench.system) / 1e6) };
  };
}

export function round(value: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** How many files (sockets included) a process holds open, and its soft limit: why a join storm stops. */
export function openFiles(pid: number): { open: number; limit: number } {
  try {
    const limit = /Max open files\s+(\d+)/.exec(readFileSync(`/proc/${pid}/limits`, "utf8"))?.[1];
    return { open: readdirSync(`/proc/${pid}/fd`).length, limit: Number(limit ?? 0) };
  } catch {
    return { open: 0, limit: 0 };
  }
}
