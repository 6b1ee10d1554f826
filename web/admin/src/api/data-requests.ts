import { useQuery } from '@tanstack/react-query';
import { apiFetch, clientError } from './client.ts';
import { settingsKeys } from './settings.ts';
import { sessionTokenHeader } from './shopify-session.ts';

export type DataRequestStatus = 'pending' | 'ready' | 'failed';

/** A customer's data export that Shopify asked for (`customers/data_request`). */
export type DataRequest = {
  id: string;
  requestedAt: string;
  completedAt: string | null;
  /** When the export is deleted (30 days after the request). */
  expiresAt: string;
  customer: { email: string | null; shopifyCustomerId: string | null };
  status: DataRequestStatus;
  conversationCount: number;
  ticketCount: number;
  downloadUrl: string | null;
};

const dataRequestsKey = [...settingsKeys.all, 'data-requests'] as const;

/** `GET /api/data-requests`: newest first. */
export function useDataRequests() {
  return useQuery({
    queryKey: dataRequestsKey,
    queryFn: ({ signal }) => apiFetch<{ items: DataRequest[] }>('/api/data-requests', { signal }),
  });
}

/**
 * Saves an export as a file. Fetched rather than linked, so the session token goes along when the admin
 * runs inside Shopify (a plain link would carry only the cookie).
 */
export async function downloadDataRequest(request: DataRequest): Promise<void> {
  if (!request.downloadUrl) return;
  const response = await fetch(request.downloadUrl, {
    credentials: 'same-origin',
    headers: await sessionTokenHeader(),
  });
  if (!response.ok) {
    throw clientError(response.status, 'download_failed', 'error.downloadFailed', {
      status: String(response.status),
    });
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `customer-data-request-${request.id}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
