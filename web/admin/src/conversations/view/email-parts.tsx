import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import type { EmailInfo, MessageEmailDelivery } from '../../api/types.ts';
import { DateText } from '../../common/date-text.tsx';
import { formatBytes } from '../../common/format.ts';
import { AlertIcon, CheckIcon, ImageOffIcon, PaperclipIcon, ShieldCheckIcon } from '../../common/icons.tsx';
import { useLocale } from '../../common/use-locale.ts';
import { richText } from '../../i18n/rich-text.ts';
import { useT } from '../../i18n/use-t.ts';
import classes from './conversation-view.module.css';
import { emailSrcDoc, estimateFrameHeight } from './email-frame.ts';

function HeaderLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
      <Text span size="xs" fw={600} c="gray.7">
        {label}
      </Text>{' '}
      {children}
    </Text>
  );
}

/**
 * Subject, From, To and whether the sender's domain vouched for the From address. `fallbackTo`: the
 * customer's address, for an email we send whose recipients the server did not list.
 */
export function EmailHeader({ email, fallbackTo }: { email: EmailInfo; fallbackTo?: string | null }) {
  const t = useT();
  const to = email.to.length > 0 ? email.to : email.direction === 'out' && fallbackTo ? [fallbackTo] : [];
  return (
    <Stack gap={2} data-testid="email-header" data-direction={email.direction}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600} data-testid="email-subject" style={{ overflowWrap: 'anywhere' }}>
          {email.subject || t('email.noSubject')}
        </Text>
        {email.verifiedSender && (
          <Badge
            size="sm"
            variant="light"
            color="teal"
            c="teal.9"
            radius="sm"
            tt="none"
            leftSection={<ShieldCheckIcon size={12} />}
            data-testid="verified-sender"
            title={t('email.verifiedSender.title')}
          >
            {t('email.verifiedSender')}
          </Badge>
        )}
      </Group>
      {email.from && <HeaderLine label={t('email.from')}>{email.from}</HeaderLine>}
      {to.length > 0 && <HeaderLine label={t('email.to')}>{to.join(', ')}</HeaderLine>}
    </Stack>
  );
}

/** "Sending…", "Sent <time>" or "Failed: <error> (n attempts)" for an email we send. */
export function EmailDeliveryLine({ delivery }: { delivery: MessageEmailDelivery }) {
  const t = useT();
  const attempts = delivery.attempts > 0 ? ` (${t('email.attempts', { count: delivery.attempts })})` : '';
  let tone: 'ok' | 'wait' | 'bad' = 'wait';
  let text: ReactNode;
  if (delivery.status === 'sent') {
    tone = 'ok';
    text = delivery.sentAt
      ? richText(t('email.sentAt'), { date: <DateText iso={delivery.sentAt} /> })
      : t('email.sent');
  } else if (delivery.status === 'failed') {
    tone = 'bad';
    text = t('email.failed', { error: delivery.error || t('email.refused'), attempts });
  } else {
    text = delivery.error ? t('email.retrying', { error: delivery.error, attempts }) : t('email.sending');
  }
  const color = tone === 'ok' ? 'teal.9' : tone === 'bad' ? 'red.8' : 'dimmed';
  return (
    <Group gap={4} c={color} wrap="nowrap" data-testid="email-delivery" data-status={delivery.status}>
      {tone === 'ok' && <CheckIcon size={14} />}
      {tone === 'bad' && <AlertIcon size={14} />}
      <Text size="xs" fw={500} c={color} style={{ overflowWrap: 'anywhere' }} role="status">
        {text}
      </Text>
    </Group>
  );
}

/** Names, types and sizes of the files that came with the mail. */
export function EmailAttachments({ email }: { email: EmailInfo }) {
  const t = useT();
  const locale = useLocale();
  if (email.attachments.length === 0) return null;
  return (
    <Stack
      component="ul"
      gap={4}
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('email.attachments')}
      data-testid="email-attachments"
    >
      {email.attachments.map((file) => (
        <Group
          component="li"
          key={file.id}
          gap={6}
          wrap="nowrap"
          miw={0}
          data-testid="email-attachment"
          className={classes.attachment}
        >
          <PaperclipIcon size={14} />
          <Text size="xs" fw={500} truncate title={file.filename ?? undefined}>
            {file.filename || t('email.unnamedAttachment')}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {file.contentType} · {formatBytes(file.size, locale)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/**
 * An inbound email's body. With HTML: the (server-sanitized) HTML in a sandboxed frame that runs and
 * loads nothing; "Show original" switches to the full text as received. Plain text: the new part of the
 * message (`children`), and "Show original" adds the quoted rest.
 */
export function InboundEmailBody({
  email,
  text,
  children,
}: {
  email: EmailInfo;
  /** The message's own text (what the AI read), to tell whether the original adds anything. */
  text: string;
  children: ReactNode;
}) {
  const t = useT();
  const [original, setOriginal] = useState(false);
  const html = email.html?.trim() ? email.html : null;
  const full = email.originalText?.trim() ?? '';
  const canShowOriginal = full !== '' && (html !== null || full !== text.trim());
  const showingOriginal = original && canShowOriginal;

  return (
    <Stack gap={6}>
      {showingOriginal ? (
        <Text size="sm" className={classes.original} data-testid="email-original">
          {email.originalText}
        </Text>
      ) : html ? (
        <iframe
          className={classes.emailFrame}
          title={t('email.frameTitle', { from: email.from ?? t('email.theCustomer') })}
          sandbox=""
          referrerPolicy="no-referrer"
          srcDoc={emailSrcDoc(html)}
          style={{ height: estimateFrameHeight(html) }}
          data-testid="email-html"
        />
      ) : (
        children
      )}
      <Group gap="sm" wrap="wrap">
        {canShowOriginal && (
          <Button
            size="compact-xs"
            variant={showingOriginal ? 'light' : 'subtle'}
            aria-pressed={showingOriginal}
            onClick={() => setOriginal((value) => !value)}
          >
            {t('email.showOriginal')}
          </Button>
        )}
        {html && email.hasRemoteImages && (
          <Group gap={4} c="dimmed" wrap="nowrap" data-testid="remote-images-blocked">
            <ImageOffIcon size={14} />
            <Text size="xs" c="dimmed">
              {t('email.remoteImagesBlocked')}
            </Text>
          </Group>
        )}
      </Group>
    </Stack>
  );
}
