import { Button, Menu, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { errorMessage, withQuery } from '../api/client.ts';
import { downloadExport, type ExportFormat } from '../api/export.ts';
import { DownloadIcon } from '../common/icons.tsx';
import { useT } from '../i18n/use-t.ts';

type Props = {
  /** The export endpoint. */
  path: string;
  /** Its query (the list's filters), without the format. */
  params?: Record<string, string | number | undefined>;
  /** What gets exported, above the choices. */
  what: string;
  /** The button's text ("Export" when not given). */
  label?: string;
  size?: 'xs' | 'sm';
};

/** "Export" with a choice of format: NDJSON (everything, tool calls included) or CSV (a row per message). */
export function ExportMenu({ path, params = {}, what, label, size = 'sm' }: Props) {
  const t = useT();
  const download = useMutation({
    mutationFn: (format: ExportFormat) => downloadExport(withQuery(path, { ...params, format })),
  });
  return (
    <Stack gap={4} align="flex-end">
      <Menu position="bottom-end" shadow="md" width={280}>
        <Menu.Target>
          <Button
            variant="default"
            size={size}
            leftSection={<DownloadIcon size={16} />}
            loading={download.isPending}
          >
            {label ?? t('export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{what}</Menu.Label>
          <Menu.Item onClick={() => download.mutate('ndjson')}>{t('export.ndjson')}</Menu.Item>
          <Menu.Item onClick={() => download.mutate('csv')}>{t('export.csv')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {download.isError && (
        <Text size="xs" c="red.8" role="alert">
          {errorMessage(download.error)}
        </Text>
      )}
    </Stack>
  );
}
