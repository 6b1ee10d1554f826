import { z } from 'zod';

/**
 * What a Gmail or Outlook channel keeps in `channels.config` once connected. Tokens are secrets: they
 * never leave the server (Settings shows only the address).
 */
export const ZGmailConfig = z.object({
  address: z.string(),
  accessToken: z.string().min(1),
  /** Replaces https://gmail.googleapis.com (tests). */
  apiBaseUrl: z.string().optional(),
  lastHistoryId: z.string().nullable().optional(),
});

export const ZOutlookConfig = z.object({
  address: z.string(),
  mailbox: z.string().min(1),
  accessToken: z.string().min(1),
  clientState: z.string().min(16),
  /** Replaces https://graph.microsoft.com/v1.0 (tests). */
  apiBaseUrl: z.string().optional(),
});
