import { clientError } from './client.ts';
import { isEmbedded, sessionTokenHeader } from './shopify-session.ts';

export type ExportFormat = 'ndjson' | 'csv';

/** Saves `href` as a file through a temporary link (the server names it unless `filename` is given). */
function saveLink(href: string, filename = '') {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * Downloads a conversation export. With the cookie session the browser fetches the link itself and
 * streams it to disk, whatever its size; inside Shopify the cookie is not sent, so the export is fetched
 * with the session token and saved from memory.
 */
export async function downloadExport(path: string): Promise<void> {
  if (!isEmbedded()) {
    saveLink(path);
    return;
  }
  const response = await fetch(path, { credentials: 'same-origin', headers: await sessionTokenHeader() });
  if (!response.ok) {
    throw clientError(response.status, 'export_failed', 'error.exportFailed', {
      status: String(response.status),
    });
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'conversations-export';
  const url = URL.createObjectURL(await response.blob());
  saveLink(url, filename);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
