import { Badge, Button, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../api/client.ts';
import {
  type DataRequest,
  type DataRequestStatus,
  downloadDataRequest,
  useDataRequests,
} from '../api/data-requests.ts';
import { DateText } from '../common/date-text.tsx';
import { ListTable } from '../common/list-table.tsx';
import type { MessageKey } from '../i18n/messages-en.ts';
import { richText } from '../i18n/rich-text.ts';
import { useT } from '../i18n/use-t.ts';
import { SectionQuery, SettingsSection } from './settings-parts.tsx';

const STATUS: Record<DataRequestStatus, { label: MessageKey; color: string }> = {
  pending: { label: 'settings.dataRequests.status.pending', color: 'gray' },
  ready: { label: 'settings.dataRequests.status.ready', color: 'green' },
  failed: { label: 'settings.dataRequests.status.failed', color: 'red' },
};

function DownloadButton({ request }: { request: DataRequest }) {
  const t = useT();
  const download = useMutation({ mutationFn: () => downloadDataRequest(request) });
  if (!request.downloadUrl) return <Text c="dimmed">—</Text>;
  return (
    <>
      <Button size="xs" variant="light" loading={download.isPending} onClick={() => download.mutate()}>
        {t('settings.dataRequests.download')}
      </Button>
      {download.isError && (
        <Text c="red" size="xs" role="alert">
          {errorMessage(download.error)}
        </Text>
      )}
    </>
  );
}

function DataRequestRow({ request }: { request: DataRequest }) {
  const t = useT();
  const status = STATUS[request.status];
  return (
    <Table.Tr data-testid="data-request-row">
      <Table.Td>
        <DateText iso={request.requestedAt} />
        <Text size="xs" c="dimmed" data-testid="data-request-expires">
          {richText(t('settings.dataRequests.deletedOn'), { date: <DateText iso={request.expiresAt} /> })}
        </Text>
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        {request.customer.email ?? t('settings.dataRequests.noEmail')}
        {request.customer.shopifyCustomerId && (
          <Text size="xs" c="dimmed">
            {t('settings.dataRequests.shopifyCustomer', { id: request.customer.shopifyCustomerId })}
          </Text>
        )}
        {request.status === 'ready' && (
          <Text size="xs" c="dimmed">
            {t('settings.dataRequests.counts', {
              conversations: t('settings.dataRequests.conversations', { count: request.conversationCount }),
              tickets: t('settings.dataRequests.tickets', { count: request.ticketCount }),
            })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={status.color} variant="light">
          {t(status.label)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <DownloadButton request={request} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Settings → Data requests: customer data exports Shopify asked for (GDPR access requests), with downloads. */
export function DataRequestsSection() {
  const t = useT();
  const query = useDataRequests();
  const columns = [
    { label: t('settings.dataRequests.requested'), width: 140 },
    { label: t('settings.dataRequests.customer') },
    { label: t('settings.dataRequests.status'), width: 130 },
    { label: t('settings.dataRequests.export'), width: 120 },
  ];
  return (
    <SettingsSection
      title={t('settings.dataRequests.title')}
      testId="settings-data-requests"
      description={t('settings.dataRequests.description', { days: 30 })}
    >
      <SectionQuery query={query} what={t('settings.dataRequests.what')}>
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed" data-testid="data-requests-empty">
              {t('settings.dataRequests.empty')}
            </Text>
          ) : (
            <ListTable label={t('settings.dataRequests.title')} columns={columns} minWidth={600}>
              {items.map((request) => (
                <DataRequestRow key={request.id} request={request} />
              ))}
            </ListTable>
          )
        }
      </SectionQuery>
    </SettingsSection>
  );
}
