// `node scripts/pg-database.ts create|drop <admin-url> <name>`: CI's fresh PostgreSQL database.
import pg from 'pg';

const [action, url, name] = process.argv.slice(2);
if (!['create', 'drop'].includes(action ?? '') || !url || !name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write('usage: pg-database.ts create|drop <admin-url> <name>\n');
  process.exit(2);
}
const client = new pg.Client({ connectionString: url });
await client.connect();
if (action === 'create') await client.query(`create database ${name}`);
else await client.query(`drop database if exists ${name} with (force)`);
await client.end();
process.stdout.write(`${action === 'create' ? 'Created' : 'Dropped'} database ${name}\n`);
