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
import { SectionQuery, SettingsSection } from './settings-parts.tsx';

const COLUMNS = [
  { label: 'Requested', width: 140 },
  { label: 'Customer' },
  { label: 'Status', width: 130 },
  { label: 'Export', width: 120 },
] as const;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const STATUS: Record<DataRequestStatus, { label: string; color: string }> = {
  pending: { label: 'Preparing', color: 'gray' },
  ready: { label: 'Ready', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
};

function DownloadButton({ request }: { request: DataRequest }) {
  const download = useMutation({ mutationFn: () => downloadDataRequest(request) });
  if (!request.downloadUrl) return <Text c="dimmed">—</Text>;
  return (
    <>
      <Button size="xs" variant="light" loading={download.isPending} onClick={() => download.mutate()}>
        Download
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
  const status = STATUS[request.status];
  return (
    <Table.Tr data-testid="data-request-row">
      <Table.Td>
        <DateText iso={request.requestedAt} />
        <Text size="xs" c="dimmed" data-testid="data-request-expires">
          Deleted <DateText iso={request.expiresAt} />
        </Text>
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        {request.customer.email ?? 'No email given'}
        {request.customer.shopifyCustomerId && (
          <Text size="xs" c="dimmed">
            Shopify customer {request.customer.shopifyCustomerId}
          </Text>
        )}
        {request.status === 'ready' && (
          <Text size="xs" c="dimmed">
            {count(request.conversationCount, 'conversation', 'conversations')},{' '}
            {count(request.ticketCount, 'ticket', 'tickets')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={status.color} variant="light">
          {status.label}
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
  const query = useDataRequests();
  return (
    <SettingsSection
      title="Customer data requests"
      testId="settings-data-requests"
      description="When a customer asks your store for their data, Shopify tells Supportify and an export of their conversations, messages, tool calls and tickets appears here. Send it to the customer: each export is deleted 30 days after the request, or sooner if the customer asks to be forgotten."
    >
      <SectionQuery query={query} what="data requests">
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed" data-testid="data-requests-empty">
              No customer has asked for their data.
            </Text>
          ) : (
            <ListTable label="Customer data requests" columns={COLUMNS} minWidth={600}>
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
