import { parseArgs } from 'node:util';
import { purgeExpired } from '../retention/purge.ts';
import { openMigrated } from './open.ts';

/** `supportify purge [--now <ISO time>]`: deletes expired conversations now (the daily job does the same). */
export async function purgeCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { now: { type: 'string' } } });
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`--now is not a date: ${values.now}`);
  const { database } = await openMigrated();
  try {
    const result = await purgeExpired(database.db, {
      now,
      onProgress: (n) =>
        process.stderr.isTTY && process.stderr.write(`\r  ${n.toLocaleString('en')} conversations deleted`),
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    process.stdout.write(
      `Purged ${result.conversations} conversations (${result.partitionsDropped.length} day partitions dropped, ${result.messages} messages deleted one by one; ${result.dataRequests} data request documents past 30 days deleted) in ${result.ms} ms.\n`,
    );
  } finally {
    await database.close();
  }
}
