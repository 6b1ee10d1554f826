import { Button, Group, Text } from '@mantine/core';
import { ArrowLeftIcon, ArrowRightIcon } from '../../common/icons.tsx';

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
  if (!canGoBack && !nextCursor) {
    return (
      <Text size="sm" c="dimmed" mt="md" aria-live="polite">
        {count === 1 ? '1 conversation' : `${count} conversations`}
      </Text>
    );
  }
  return (
    <Group justify="space-between" mt="md" gap="sm" component="nav" aria-label="Pages">
      <Text size="sm" c="dimmed" aria-live="polite">
        {pageNumber ? `Page ${pageNumber} · ` : ''}
        {count === 1 ? '1 conversation' : `${count} conversations`}
      </Text>
      <Group gap="xs">
        <Button
          variant="default"
          size="sm"
          leftSection={<ArrowLeftIcon size={16} />}
          disabled={!canGoBack || disabled}
          onClick={onPrevious}
        >
          Previous page
        </Button>
        <Button
          variant="default"
          size="sm"
          rightSection={<ArrowRightIcon size={16} />}
          disabled={!nextCursor || disabled}
          onClick={() => nextCursor && onNext(nextCursor)}
        >
          Next page
        </Button>
      </Group>
    </Group>
  );
}
