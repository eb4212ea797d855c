import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Peak resident memory of a process (Linux /proc): `resetPeakRss` sets the kernel's high-water mark (VmHWM) back to
 * the current RSS (`echo 5 > /proc/<pid>/clear_refs`), `peakRss` reads it. Between the two calls that is the peak
 * over the measured interval, however short the spike, with no sampling. NaN where /proc is not available.
 */
export function resetPeakRss(pid: number | 'self' = 'self'): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not Linux, or not allowed: peakRss then reports the peak since the process started
  }
}

function statusField(pid: number | 'self', field: 'VmHWM' | 'VmRSS'): number {
  try {
    const kib = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib === undefined ? Number.NaN : Number(kib) * 1024;
  } catch {
    return Number.NaN;
  }
}

/** Resident memory now, in bytes. */
export function currentRss(pid: number | 'self' = 'self'): number {
  return statusField(pid, 'VmRSS');
}

/** Peak RSS in bytes since the process started or since the last `resetPeakRss`. */
export function peakRss(pid: number | 'self' = 'self'): number {
  return statusField(pid, 'VmHWM');
}
