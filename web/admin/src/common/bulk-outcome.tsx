import { Alert, List, Text } from '@mantine/core';
import type { BulkFailure } from '../api/bulk-actions.ts';
import { errorMessage } from '../api/client.ts';
import { type Translate, useT } from '../i18n/use-t.ts';
import { AlertIcon, CheckIcon } from './icons.tsx';

/**
 * What a bulk action did: a sentence for the items it changed, and why each of the others was left; or,
 * when the whole request was refused, why (nothing changed then).
 */
export type BulkOutcome = {
  done: string;
  failures: Array<{ item: string; message: string }>;
  error?: string;
};

/** The outcome of a request refused as a whole (bad input, network). */
export const bulkError = (error: unknown, t: Translate): BulkOutcome => ({
  done: t('bulk.nothingChanged'),
  failures: [],
  error: errorMessage(error),
});

/** Turns per-item results into an outcome; `name` labels an item, `doneText` words the successes. */
export function bulkOutcome<R extends { ok: true } | BulkFailure>(
  results: readonly R[],
  name: (result: R) => string,
  doneText: (count: number) => string,
): BulkOutcome {
  const failures = results.flatMap((r) => {
    const result: { ok: true } | BulkFailure = r;
    return result.ok ? [] : [{ item: name(r), message: result.error.message }];
  });
  return { done: doneText(results.length - failures.length), failures };
}

/** The outcome of the last bulk action above the list, until dismissed. */
export function BulkOutcomeAlert({ outcome, onClose }: { outcome: BulkOutcome; onClose: () => void }) {
  const t = useT();
  const failed = outcome.failures.length > 0 || outcome.error !== undefined;
  return (
    <Alert
      variant="light"
      color={outcome.error !== undefined ? 'red' : failed ? 'orange' : 'teal'}
      icon={failed ? <AlertIcon /> : <CheckIcon />}
      title={outcome.done}
      withCloseButton
      closeButtonLabel={t('common.dismiss')}
      onClose={onClose}
      role={failed ? 'alert' : 'status'}
      mb="md"
      data-testid="bulk-outcome"
    >
      {outcome.error !== undefined && <Text size="sm">{outcome.error}</Text>}
      {outcome.failures.length > 0 && (
        <>
          <Text size="sm">{t('bulk.notChanged', { count: outcome.failures.length })}</Text>
          <List size="sm" mt={4}>
            {outcome.failures.map((f) => (
              <List.Item key={f.item}>
                {f.item}: {f.message}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
