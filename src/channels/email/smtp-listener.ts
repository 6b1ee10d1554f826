import type { AddressInfo } from 'node:net';
import { and, inArray, isNotNull, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../db/client.ts';
import { type ChannelType, channels } from '../../db/schema/index.ts';
import { type IngestResult, ingestEmail } from './ingest-email.ts';

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

type Listener = { port: number; close(): Promise<void> };
type Options = {
  db: Db;
  log: FastifyBaseLogger;
  port: number;
  host: string;
  /** After each stored mail (publish, kick the AI reply). */
  onIngested: (shopId: string, result: IngestResult) => void;
};

/** The channels whose inbound address is one of these recipients. */
async function channelsFor(db: Db, addresses: string[]) {
  return db
    .select({ id: channels.id, shopId: channels.shopId, type: channels.type, config: channels.config })
    .from(channels)
    .where(
      and(isNotNull(channels.inboundAddress), inArray(sql`lower(${channels.inboundAddress})`, addresses)),
    );
}

/** The relays (authserv-ids) whose Authentication-Results this channel trusts; none unless configured. */
const trustedRelays = (config: Record<string, unknown>) =>
  Array.isArray(config.trustedAuthServIds)
    ? config.trustedAuthServIds.filter((v): v is string => typeof v === 'string')
    : [];

/**
 * The built-in SMTP listener: accepts mail for the channels' inbound addresses (others are refused at
 * RCPT TO) and answers 250 only once the mail is committed, so a sender never sees success for a lost mail.
 */
export async function startSmtpListener({ db, log, port, host, onIngested }: Options): Promise<Listener> {
  const server = new SMTPServer({
    // Plain SMTP on a trusted hop (an MX or relay in front does TLS and spam filtering).
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    size: MAX_MESSAGE_BYTES,
    logger: false,
    banner: 'Supportify',
    onRcptTo(address, _session, callback) {
      channelsFor(db, [address.address.toLowerCase()]).then(
        (found) =>
          callback(
            found.length > 0 ? undefined : Object.assign(new Error('No such mailbox'), { responseCode: 550 }),
          ),
        (err: Error) => callback(Object.assign(err, { responseCode: 451 })),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          return callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
        }
        try {
          const raw = Buffer.concat(chunks);
          const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          for (const channel of await channelsFor(db, recipients)) {
            const result = await ingestEmail(db, {
              shopId: channel.shopId,
              channel: { id: channel.id, type: channel.type as ChannelType },
              raw,
              trustedAuthServIds: trustedRelays(channel.config),
            });
            if (result && !result.duplicate) onIngested(channel.shopId, result);
          }
          callback();
        } catch (err) {
          log.error({ err: { message: (err as Error).message } }, 'inbound email failed');
          // 451: a temporary failure, so the sending server tries again later.
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
