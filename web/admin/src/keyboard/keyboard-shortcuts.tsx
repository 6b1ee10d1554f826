import { ActionIcon, Kbd, Modal, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Fragment, useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/use-t.ts';
import { Announcer } from './announce.tsx';
import classes from './keyboard.module.css';
import { listenForShortcuts } from './listen.ts';
import { GROUP_KEYS, SHORTCUTS, type Shortcut, useShortcut } from './shortcuts.ts';

const GROUPS = [...new Set(SHORTCUTS.map((s) => s.group))];
const KEY_LABELS: Record<string, string> = { Escape: 'Esc' };

function Keys({ keys }: { keys: Shortcut['keys'] }) {
  const t = useT();
  return (
    <span className={classes.keys}>
      {keys.map((key, i) => (
        <Fragment key={key}>
          {i > 0 && (
            <Text span size="xs" c="dimmed" mx={6}>
              {t('shortcuts.then')}
            </Text>
          )}
          <Kbd>{KEY_LABELS[key] ?? key}</Kbd>
        </Fragment>
      ))}
    </span>
  );
}

/** The `?` dialog: every shortcut, grouped by where it works. */
function ShortcutHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('shortcuts.title')}
      size="lg"
      data-testid="shortcut-help"
    >
      <Stack gap="lg">
        {GROUPS.map((group) => (
          <section key={group} aria-labelledby={`shortcuts-${group}`}>
            <Title order={3} fz="sm" mb="xs" id={`shortcuts-${group}`}>
              {t(GROUP_KEYS[group])}
            </Title>
            <Table verticalSpacing={6} withRowBorders={false} aria-labelledby={`shortcuts-${group}`}>
              <Table.Tbody>
                {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                  <Table.Tr key={s.keys.join(' ')}>
                    <Table.Th scope="row" w={150} fw={400}>
                      <Keys keys={s.keys} />
                    </Table.Th>
                    <Table.Td>{t(s.description)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        ))}
        <Text size="sm" c="dimmed">
          {t('shortcuts.note')}
        </Text>
      </Stack>
    </Modal>
  );
}

/**
 * The admin's keyboard shortcuts (mounted once, in the header): listens for them, handles the ones that
 * work on every page (go to, help), and offers a button that opens the list of shortcuts.
 */
export function KeyboardShortcuts() {
  const t = useT();
  const navigate = useNavigate();
  const [helpOpened, help] = useDisclosure(false);
  useEffect(() => listenForShortcuts(document), []);
  useShortcut('goConversations', () => navigate('/conversations'));
  useShortcut('goTickets', () => navigate('/tickets'));
  useShortcut('help', help.open);

  return (
    <>
      <Tooltip label={t('shortcuts.button')}>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('shortcuts.title')}
          onClick={help.open}
          visibleFrom="sm"
        >
          <Text span fw={700} aria-hidden="true">
            ?
          </Text>
        </ActionIcon>
      </Tooltip>
      <ShortcutHelp opened={helpOpened} onClose={help.close} />
      <Announcer />
    </>
  );
}
