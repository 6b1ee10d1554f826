import { Button, Group, Input, NativeSelect, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import {
  AI_PROVIDERS,
  type AiProvider,
  type AiSettings,
  type AiSettingsUpdate,
  useAiSettings,
  useSaveAiSettings,
} from '../api/settings.ts';
import { KeyIcon } from '../common/icons.tsx';
import type { MessageKey } from '../i18n/messages-en.ts';
import { type Translate, useT } from '../i18n/use-t.ts';
import { SaveBar, SectionQuery, SettingsSection } from './settings-parts.tsx';
import { useSettingsForm } from './use-settings-form.ts';

/** The server's name for its built-in model (what it stores for a shop that never chose one). */
const OFFLINE_MODEL = 'supportify-offline-1';

/** Each provider's text keys (`keyHelp`: where to get an API key) and a model name to suggest. */
const PROVIDERS: Record<
  AiProvider,
  { label: MessageKey; description: MessageKey; modelPlaceholder: string; keyHelp: MessageKey | null }
> = {
  offline: {
    label: 'settings.ai.offline',
    description: 'settings.ai.offline.description',
    modelPlaceholder: OFFLINE_MODEL,
    keyHelp: null,
  },
  openai: {
    label: 'settings.ai.openai',
    description: 'settings.ai.openai.description',
    modelPlaceholder: 'gpt-4o-mini',
    keyHelp: 'settings.ai.openai.keyHelp',
  },
  anthropic: {
    label: 'settings.ai.anthropic',
    description: 'settings.ai.anthropic.description',
    modelPlaceholder: 'claude-sonnet-4-5',
    keyHelp: 'settings.ai.anthropic.keyHelp',
  },
  'openai-compatible': {
    label: 'settings.ai.compatible',
    description: 'settings.ai.compatible.description',
    modelPlaceholder: 'llama3.1',
    keyHelp: 'settings.ai.compatible.keyHelp',
  },
};

const isProvider = (value: string): value is AiProvider =>
  (AI_PROVIDERS as readonly string[]).includes(value);
const needsKey = (provider: AiProvider) => provider === 'openai' || provider === 'anthropic';

type KeyAction = 'keep' | 'replace' | 'remove';
type AiFormValues = {
  provider: AiProvider;
  model: string;
  baseUrl: string;
  /** With a stored key: keep it, replace it with `newKey`, or remove it. */
  keyAction: KeyAction;
  newKey: string;
};

function validate(t: Translate, values: AiFormValues) {
  const errors: { model?: string; baseUrl?: string } = {};
  if (values.provider !== 'offline' && !values.model.trim()) {
    errors.model = t('settings.ai.modelRequired', { example: PROVIDERS[values.provider].modelPlaceholder });
  }
  if (values.provider === 'openai-compatible') {
    const text = values.baseUrl.trim();
    let ok = false;
    try {
      const url = new URL(text);
      ok = url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) errors.baseUrl = t('settings.ai.baseUrlInvalid');
  }
  return errors;
}

function ApiKeyField({
  provider,
  hasApiKey,
  keyAction,
  newKey,
  onChange,
}: {
  provider: AiProvider;
  hasApiKey: boolean;
  keyAction: KeyAction;
  newKey: string;
  onChange: (patch: Partial<AiFormValues>) => void;
}) {
  const t = useT();
  const labelId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const replaceRef = useRef<HTMLButtonElement>(null);
  // The clicked button disappears: move focus to what replaced it (not after a save's reset).
  const pendingFocus = useRef<KeyAction | null>(null);
  useEffect(() => {
    if (pendingFocus.current !== keyAction) return;
    pendingFocus.current = null;
    if (keyAction === 'replace') inputRef.current?.focus();
    else if (keyAction === 'remove') keepRef.current?.focus();
    else replaceRef.current?.focus();
  }, [keyAction]);
  const choose = (action: KeyAction) => {
    pendingFocus.current = action;
    onChange({ keyAction: action, newKey: '' });
  };

  const { keyHelp } = PROVIDERS[provider];
  const stored = t('settings.ai.keyStored');
  const missing = needsKey(provider) && (!hasApiKey || keyAction === 'remove') && !newKey.trim();
  const warning = missing ? t('settings.ai.keyMissing', { provider: t(PROVIDERS[provider].label) }) : null;

  if (hasApiKey && keyAction === 'keep') {
    return (
      <Input.Wrapper
        label={t('settings.ai.apiKey')}
        labelElement="div"
        labelProps={{ id: labelId }}
        description={stored}
        role="group"
        aria-labelledby={labelId}
        data-testid="api-key"
      >
        <Group gap="sm" mt={6}>
          <Group gap={6} c="teal.9" wrap="nowrap" data-testid="api-key-set">
            <KeyIcon size={16} />
            <Text size="sm" fw={500}>
              {t('settings.ai.keySet')}
            </Text>
          </Group>
          <Button ref={replaceRef} size="xs" variant="default" onClick={() => choose('replace')}>
            {t('settings.ai.replaceKey')}
          </Button>
          <Button size="xs" variant="subtle" color="red" onClick={() => choose('remove')}>
            {t('settings.ai.removeKey')}
          </Button>
        </Group>
      </Input.Wrapper>
    );
  }

  if (hasApiKey && keyAction === 'remove') {
    return (
      <Input.Wrapper
        label={t('settings.ai.apiKey')}
        labelElement="div"
        labelProps={{ id: labelId }}
        role="group"
        aria-labelledby={labelId}
        data-testid="api-key"
      >
        <Group gap="sm" mt={6}>
          <Text size="sm" c="red.9" fw={500}>
            {t('settings.ai.keyRemoved')}
          </Text>
          <Button ref={keepRef} size="xs" variant="default" onClick={() => choose('keep')}>
            {t('settings.ai.keepKey')}
          </Button>
        </Group>
        {warning && (
          <Text size="xs" c="orange.9" mt={6}>
            {warning}
          </Text>
        )}
      </Input.Wrapper>
    );
  }

  const replacing = hasApiKey && keyAction === 'replace';
  return (
    <Stack gap={6} data-testid="api-key">
      <PasswordInput
        ref={inputRef}
        label={t(replacing ? 'settings.ai.newApiKey' : 'settings.ai.apiKey')}
        description={keyHelp ? `${t(keyHelp)} ${stored}` : stored}
        placeholder={t(replacing ? 'settings.ai.pasteNewKey' : 'settings.ai.pasteKey')}
        value={newKey}
        onChange={(event) => onChange({ newKey: event.currentTarget.value })}
        autoComplete="off"
        spellCheck={false}
        name="api-key"
        maxLength={500}
        maw={440}
      />
      {warning && (
        <Text size="xs" c="orange.9">
          {warning}
        </Text>
      )}
      {replacing && (
        <Group>
          <Button size="xs" variant="subtle" onClick={() => choose('keep')}>
            {t('settings.ai.keepCurrentKey')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function AiForm({ settings }: { settings: AiSettings }) {
  const t = useT();
  const form = useSettingsForm<AiFormValues>({
    provider: settings.provider,
    model: settings.model,
    baseUrl: settings.baseUrl ?? '',
    keyAction: 'keep',
    newKey: '',
  });
  const save = useSaveAiSettings();
  const [showErrors, setShowErrors] = useState(false);
  const { values } = form;
  const errors = showErrors ? validate(t, values) : {};

  const usesKey = values.provider !== 'offline';
  const keyChange =
    usesKey &&
    (values.keyAction === 'remove'
      ? settings.hasApiKey
      : (values.keyAction === 'replace' || !settings.hasApiKey) && values.newKey.trim() !== '');
  const dirty =
    values.provider !== settings.provider ||
    (usesKey && values.model.trim() !== settings.model) ||
    (values.provider === 'openai-compatible' && values.baseUrl.trim() !== (settings.baseUrl ?? '')) ||
    keyChange;

  const update = (patch: Partial<AiFormValues>) => {
    form.set(patch);
    if (save.isSuccess) save.reset();
  };

  const changeProvider = (provider: AiProvider) => {
    // Model names belong to a provider: start from the saved one, or from empty with a suggestion shown.
    const model =
      provider === settings.provider ? settings.model : provider === 'offline' ? OFFLINE_MODEL : '';
    update({ provider, model });
  };

  const submit = () => {
    if (!dirty || save.isPending) return;
    if (Object.keys(validate(t, values)).length > 0) {
      setShowErrors(true);
      return;
    }
    const body: AiSettingsUpdate = {
      provider: values.provider,
      model: usesKey ? values.model.trim() : settings.provider === 'offline' ? settings.model : OFFLINE_MODEL,
      baseUrl: values.provider === 'openai-compatible' ? values.baseUrl.trim() : null,
    };
    if (keyChange) body.apiKey = values.keyAction === 'remove' ? '' : values.newKey.trim();
    save.mutate(body, {
      onSuccess: () => {
        form.reset();
        setShowErrors(false);
      },
    });
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="lg">
        <NativeSelect
          label={t('settings.ai.provider')}
          description={t(PROVIDERS[values.provider].description)}
          data={AI_PROVIDERS.map((value) => ({ value, label: t(PROVIDERS[value].label) }))}
          value={values.provider}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isProvider(value)) changeProvider(value);
          }}
          maw={440}
        />
        {usesKey ? (
          <TextInput
            label={t('settings.ai.model')}
            description={t('settings.ai.model.description')}
            placeholder={PROVIDERS[values.provider].modelPlaceholder}
            value={values.model}
            onChange={(event) => update({ model: event.currentTarget.value })}
            error={errors.model}
            required
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            maw={440}
          />
        ) : (
          <Text size="sm" c="dimmed" data-testid="offline-model">
            {t('settings.ai.offlineModel', {
              model: settings.provider === 'offline' ? settings.model : OFFLINE_MODEL,
            })}
          </Text>
        )}
        {values.provider === 'openai-compatible' && (
          <TextInput
            label={t('settings.ai.baseUrl')}
            description={t('settings.ai.baseUrl.description')}
            placeholder="http://localhost:11434/v1"
            type="url"
            value={values.baseUrl}
            onChange={(event) => update({ baseUrl: event.currentTarget.value })}
            error={errors.baseUrl}
            required
            autoComplete="off"
            spellCheck={false}
            maxLength={500}
            maw={440}
          />
        )}
        {usesKey && (
          <ApiKeyField
            provider={values.provider}
            hasApiKey={settings.hasApiKey}
            keyAction={values.keyAction}
            newKey={values.newKey}
            onChange={update}
          />
        )}
      </Stack>
      <SaveBar form={form} save={save} dirty={dirty} onDiscard={() => setShowErrors(false)} />
    </form>
  );
}

/** Settings → AI: which model answers customers, and its API key (write-only). */
export function AiSettingsSection() {
  const t = useT();
  const query = useAiSettings();
  return (
    <SettingsSection
      title={t('settings.ai.title')}
      description={t('settings.ai.description')}
      testId="settings-ai"
    >
      <SectionQuery query={query} what={t('settings.ai.what')}>
        {(settings) => <AiForm settings={settings} />}
      </SectionQuery>
    </SettingsSection>
  );
}
