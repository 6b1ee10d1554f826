import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useAddTicketCategory } from '../../api/ticket-mutations.ts';
import { useTicketCategories } from '../../api/tickets.ts';
import { useT } from '../../i18n/use-t.ts';

type Props = { value: string; disabled?: boolean; onChange: (category: string) => void };

/** The ticket's category from the shop's list, and "Add category" for one that is missing. */
export function CategoryControl({ value, disabled, onChange }: Props) {
  const t = useT();
  const categories = useTicketCategories();
  const add = useAddTicketCategory();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const known = categories.data ?? [];
  const names = known.includes(value) ? known : [value, ...known];

  function close() {
    setAdding(false);
    setName('');
    add.reset();
  }

  function submit() {
    const clean = name.trim();
    if (!clean || add.isPending) return;
    add.mutate(clean, {
      onSuccess: (body) => {
        // The server's spelling of the new category (it tidies spaces).
        const saved = body.categories.find((c) => c.toLowerCase() === clean.toLowerCase()) ?? clean;
        close();
        onChange(saved);
      },
    });
  }

  return (
    <Stack gap={6}>
      <NativeSelect
        label={t('ticket.category')}
        data={names}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {adding ? (
        <Stack gap={6}>
          <TextInput
            label={t('ticket.category.new')}
            value={name}
            maxLength={40}
            autoFocus
            error={add.isError ? errorMessage(add.error) : undefined}
            onChange={(event) => setName(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                submit();
              }
              if (event.key === 'Escape') close();
            }}
          />
          <Group gap="xs">
            <Button size="xs" onClick={submit} loading={add.isPending} disabled={!name.trim()}>
              {t('ticket.category.addAndUse')}
            </Button>
            <Button size="xs" variant="default" onClick={close}>
              {t('ticket.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Button size="compact-sm" variant="subtle" w="fit-content" onClick={() => setAdding(true)}>
          {t('ticket.category.add')}
        </Button>
      )}
      {categories.isError && (
        <Text size="xs" c="red.8">
          {t('ticket.category.loadFailed', { error: errorMessage(categories.error) })}
        </Text>
      )}
    </Stack>
  );
}
