import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { CheckIcon } from './icons.tsx';

/**
 * A polite live region beside a form's buttons: always in the page (so screen readers hear the change),
 * showing a check mark and `children` while `shown`, and `idle` (if any) otherwise.
 */
export function DoneStatus({
  shown,
  children,
  idle,
}: {
  shown: boolean;
  children: ReactNode;
  idle?: ReactNode;
}) {
  return (
    <Text
      size="sm"
      c="teal.9"
      fw={500}
      role="status"
      aria-live="polite"
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, overflowWrap: 'anywhere' }}
    >
      {shown ? (
        <>
          <CheckIcon size={16} /> {children}
        </>
      ) : (
        idle
      )}
    </Text>
  );
}
