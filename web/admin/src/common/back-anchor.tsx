import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ArrowLeftIcon } from './icons.tsx';

/** A detail page's "← List" link back to where it was opened from. */
export function BackAnchor({ to, children }: { to: string; children: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" w="fit-content">
      <Group gap={4} component="span" wrap="nowrap">
        <ArrowLeftIcon size={14} />
        {children}
      </Group>
    </Anchor>
  );
}

/** The "·" between facts in a header line (hidden when the facts stack on small screens). */
export const MetaDot = () => (
  <Text span size="sm" aria-hidden="true" visibleFrom="sm">
    ·
  </Text>
);

/** The customer's email as the first fact of a header line, unless it already is the shown name. */
export function EmailMeta({ email, name }: { email: string | null | undefined; name: string }) {
  if (!email || email === name) return null;
  return (
    <>
      <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
        {email}
      </Text>
      <MetaDot />
    </>
  );
}
