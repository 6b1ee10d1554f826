#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createUserCommand } from './cli/create-user.ts';
import { exportCommand } from './cli/export.ts';
import { migrateCommand } from './cli/migrate.ts';
import { purgeCommand } from './cli/purge.ts';
import { seedCommand } from './cli/seed.ts';
import { startCommand } from './cli/start.ts';

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  start: startCommand,
  migrate: migrateCommand,
  seed: seedCommand,
  purge: purgeCommand,
  'user:create': createUserCommand,
  export: exportCommand,
};

const USAGE = `Usage: supportify <command> [options]

Commands:
  start                 migrate, seed a demo shop on an empty database, serve HTTP and run jobs
                        [--role all|web|worker]: web = HTTP only, worker = jobs, cron and sweeps only
                        (web and worker need DATABASE_URL)
  migrate               apply database migrations
  seed                  add a demo shop (products, orders, policies, conversations)
  purge                 delete conversations past their retention period now [--now <ISO time>]
  user:create           create a staff user: --email <e> [--password <p>] [--name <n>] [--shop <id>]
  export                a shop's conversations with every message: --shop <id> [--format ndjson|csv]
                        [--out <file>] [--status <s>] [--channel <c>] [--q <text>] [--has-drafts]
                        [--expires-within-days <n>]
`;

async function main() {
  const [command = 'start', ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: [command],
    options: { help: { type: 'boolean', short: 'h' } },
    strict: false,
  });
  const run = COMMANDS[command];
  if (!run || values.help) {
    process.stdout.write(USAGE);
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  await run(rest);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
