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
import { SaveBar, SectionQuery, SettingsSection } from './settings-parts.tsx';
import { useSettingsForm } from './use-settings-form.ts';

/** The server's name for its built-in model (what it stores for a shop that never chose one). */
const OFFLINE_MODEL = 'supportify-offline-1';

const PROVIDERS: Record<
  AiProvider,
  { label: string; description: string; modelPlaceholder: string; keyHelp: string }
> = {
  offline: {
    label: 'Built-in offline model',
    description: 'Runs inside Supportify: no API key, no network.',
    modelPlaceholder: OFFLINE_MODEL,
    keyHelp: '',
  },
  openai: {
    label: 'OpenAI',
    description: "OpenAI's hosted models. Needs an API key.",
    modelPlaceholder: 'gpt-4o-mini',
    keyHelp: 'Create one at platform.openai.com → API keys.',
  },
  anthropic: {
    label: 'Anthropic',
    description: "Anthropic's Claude models. Needs an API key.",
    modelPlaceholder: 'claude-sonnet-4-5',
    keyHelp: 'Create one at console.anthropic.com → API keys.',
  },
  'openai-compatible': {
    label: 'OpenAI-compatible (Ollama, vLLM, LM Studio)',
    description:
      'Any server that speaks the OpenAI API, such as Ollama, vLLM or LM Studio. Needs its base URL; a key only if the server asks for one.',
    modelPlaceholder: 'llama3.1',
    keyHelp: 'Optional: only if your server requires one.',
  },
};

const PROVIDER_OPTIONS = AI_PROVIDERS.map((value) => ({ value, label: PROVIDERS[value].label }));
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

function validate(values: AiFormValues) {
  const errors: { model?: string; baseUrl?: string } = {};
  if (values.provider !== 'offline' && !values.model.trim()) {
    errors.model = `Enter a model name, for example ${PROVIDERS[values.provider].modelPlaceholder}`;
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
    if (!ok)
      errors.baseUrl = 'Enter a URL starting with http:// or https://, for example http://localhost:11434/v1';
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

  const help = PROVIDERS[provider].keyHelp;
  const missing = needsKey(provider) && (!hasApiKey || keyAction === 'remove') && !newKey.trim();
  const warning = missing
    ? `${PROVIDERS[provider].label} needs an API key: without one the assistant cannot reply.`
    : null;

  if (hasApiKey && keyAction === 'keep') {
    return (
      <Input.Wrapper
        label="API key"
        labelElement="div"
        labelProps={{ id: labelId }}
        description="Stored on the server and never shown again."
        role="group"
        aria-labelledby={labelId}
        data-testid="api-key"
      >
        <Group gap="sm" mt={6}>
          <Group gap={6} c="teal.9" wrap="nowrap" data-testid="api-key-set">
            <KeyIcon size={16} />
            <Text size="sm" fw={500}>
              A key is set
            </Text>
          </Group>
          <Button ref={replaceRef} size="xs" variant="default" onClick={() => choose('replace')}>
            Replace key
          </Button>
          <Button size="xs" variant="subtle" color="red" onClick={() => choose('remove')}>
            Remove key
          </Button>
        </Group>
      </Input.Wrapper>
    );
  }

  if (hasApiKey && keyAction === 'remove') {
    return (
      <Input.Wrapper
        label="API key"
        labelElement="div"
        labelProps={{ id: labelId }}
        role="group"
        aria-labelledby={labelId}
        data-testid="api-key"
      >
        <Group gap="sm" mt={6}>
          <Text size="sm" c="red.9" fw={500}>
            The key will be removed when you save.
          </Text>
          <Button ref={keepRef} size="xs" variant="default" onClick={() => choose('keep')}>
            Keep key
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
        label={replacing ? 'New API key' : 'API key'}
        description={`${help} Stored on the server and never shown again.`}
        placeholder={replacing ? 'Paste the new key' : 'Paste your key'}
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
            Keep current key
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function AiForm({ settings }: { settings: AiSettings }) {
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
  const errors = showErrors ? validate(values) : {};

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
    if (Object.keys(validate(values)).length > 0) {
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
          label="Provider"
          description={PROVIDERS[values.provider].description}
          data={PROVIDER_OPTIONS}
          value={values.provider}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isProvider(value)) changeProvider(value);
          }}
          maw={440}
        />
        {usesKey ? (
          <TextInput
            label="Model"
            description="The model name exactly as the provider spells it."
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
            Model: {settings.provider === 'offline' ? settings.model : OFFLINE_MODEL}
          </Text>
        )}
        {values.provider === 'openai-compatible' && (
          <TextInput
            label="Base URL"
            description="The server's OpenAI-compatible API address, usually ending in /v1."
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
  const query = useAiSettings();
  return (
    <SettingsSection
      title="AI assistant"
      description="Choose the model that answers your customers."
      testId="settings-ai"
    >
      <SectionQuery query={query} what="AI settings">
        {(settings) => <AiForm settings={settings} />}
      </SectionQuery>
    </SettingsSection>
  );
}
