import { Button, Group, Text } from '@mantine/core';
import { ArrowLeftIcon, ArrowRightIcon } from '../../common/icons.tsx';
import { useT } from '../../i18n/use-t.ts';

type Props = {
  pageNumber: number | null;
  count: number;
  canGoBack: boolean;
  nextCursor: string | null;
  disabled?: boolean;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
};

/** "Previous page" / "Next page" over cursor pages. */
export function Pager({ pageNumber, count, canGoBack, nextCursor, disabled, onPrevious, onNext }: Props) {
  const t = useT();
  const shown = t('conversationList.count', { count });
  if (!canGoBack && !nextCursor) {
    return (
      <Text size="sm" c="dimmed" mt="md" aria-live="polite">
        {shown}
      </Text>
    );
  }
  return (
    <Group justify="space-between" mt="md" gap="sm" component="nav" aria-label={t('pager.label')}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {pageNumber ? t('pager.page', { page: pageNumber, count: shown }) : shown}
      </Text>
      <Group gap="xs">
        <Button
          variant="default"
          size="sm"
          leftSection={<ArrowLeftIcon size={16} />}
          disabled={!canGoBack || disabled}
          onClick={onPrevious}
        >
          {t('pager.previous')}
        </Button>
        <Button
          variant="default"
          size="sm"
          rightSection={<ArrowRightIcon size={16} />}
          disabled={!nextCursor || disabled}
          onClick={() => nextCursor && onNext(nextCursor)}
        >
          {t('pager.next')}
        </Button>
      </Group>
    </Group>
  );
}
