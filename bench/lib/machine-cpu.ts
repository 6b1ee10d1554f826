import fs from 'node:fs';

/** Busy CPU seconds of the whole machine since boot (Linux /proc/stat), or null elsewhere. */
export function machineBusySeconds(): number | null {
  try {
    const [cpu] = fs.readFileSync('/proc/stat', 'utf8').split('\n');
    const [user, nice, system, , , irq, softirq, steal] = cpu.split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return null;
  }
}
