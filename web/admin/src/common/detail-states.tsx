import { Button, EmptyState, Paper, Skeleton, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { InboxIcon } from './icons.tsx';

/** A detail page's placeholder while it loads. */
export function DetailSkeleton({ label }: { label: string }) {
  return (
    <Stack gap="md" aria-busy="true" aria-label={label}>
      <Skeleton height={14} width={120} />
      <Skeleton height={32} width="40%" />
      <Skeleton height={14} width="55%" />
      <Skeleton height={90} mt="md" />
      <Skeleton height={90} />
      <Skeleton height={90} />
    </Stack>
  );
}

/** A detail page whose record does not exist (or is another shop's), with a way back to its list. */
export function DetailNotFound({
  title,
  description,
  backTo,
  backLabel,
}: {
  title: string;
  description: string;
  backTo: string;
  backLabel: string;
}) {
  return (
    <Paper withBorder radius="lg" p="xl" mt="md">
      <EmptyState data-testid="not-found" icon={<InboxIcon size={28} />} withIndicatorBackground>
        {/* The page's only heading, so it is the h1 (the title prop renders a div). */}
        <EmptyState.Title order={1}>{title}</EmptyState.Title>
        <EmptyState.Description>{description}</EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} to={backTo}>
            {backLabel}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
