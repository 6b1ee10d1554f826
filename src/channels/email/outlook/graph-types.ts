import { z } from 'zod';

export type GraphItemBody = { contentType: 'Text' | 'HTML'; content: string };
export type GraphRecipient = { emailAddress: { address: string; name?: string } };

/** The writable message properties this app sends with sendMail. */
export type GraphOutgoingMessage = {
  subject: string;
  body: GraphItemBody;
  toRecipients: GraphRecipient[];
  ccRecipients?: GraphRecipient[];
  bccRecipients?: GraphRecipient[];
  replyTo?: GraphRecipient[];
  /** Custom headers; Graph only accepts names starting with "x-" or "X-". */
  internetMessageHeaders?: { name: string; value: string }[];
};

/** message: reply takes a comment or a message body, not both (Graph answers 400 to both). */
export type GraphReply = { comment?: string; message?: { body: GraphItemBody } };

/** The fields of a message this app threads and attributes by. */
export type GraphMessage = {
  id: string;
  conversationId: string | null;
  internetMessageId: string | null;
  subject: string | null;
  from: { address: string; name: string | null } | null;
};

export const GRAPH_MESSAGE_SELECT = 'id,conversationId,internetMessageId,subject,from';

const ZEmailAddress = z.object({ address: z.string().nullish(), name: z.string().nullish() });

/** GET /users/{id}/messages/{id}?$select=… (properties may be null or left out) */
export const ZGraphMessage = z
  .object({
    id: z.string(),
    conversationId: z.string().nullish(),
    internetMessageId: z.string().nullish(),
    subject: z.string().nullish(),
    from: z.object({ emailAddress: ZEmailAddress.nullish() }).nullish(),
  })
  .transform(
    (m): GraphMessage => ({
      id: m.id,
      conversationId: m.conversationId ?? null,
      internetMessageId: m.internetMessageId ?? null,
      subject: m.subject ?? null,
      from: m.from?.emailAddress?.address
        ? { address: m.from.emailAddress.address, name: m.from.emailAddress.name ?? null }
        : null,
    }),
  );
