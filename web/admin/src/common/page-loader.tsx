import { Center, Loader } from '@mantine/core';
import { useT } from '../i18n/use-t.ts';

/** Shown while a page's code or the session loads. */
export function PageLoader({ fullScreen = false }: { fullScreen?: boolean }) {
  const t = useT();
  return (
    <Center mih={fullScreen ? '100dvh' : 240} role="status" aria-label={t('common.loading')}>
      <Loader size="md" />
    </Center>
  );
}
