import { Alert, Box, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useLogin, useMe } from '../api/auth.ts';
import { errorMessage, isApiError } from '../api/client.ts';
import { AlertIcon, ChatIcon } from '../common/icons.tsx';
import { usePageTitle } from '../common/use-page-title.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { useT } from '../i18n/use-t.ts';
import { safeReturnPath } from './return-path.ts';

function loginErrorTitle(error: unknown): MessageKey {
  if (isApiError(error) && (error.code === 'too_many_attempts' || error.code === 'rate_limited'))
    return 'auth.login.tooManyAttempts';
  if (isApiError(error) && error.code === 'invalid_credentials') return 'auth.login.invalidCredentials';
  return 'auth.login.failed';
}

/** Email + password sign-in; returns to `?next=` afterwards. */
export function LoginPage() {
  const t = useT();
  usePageTitle(t('auth.login.pageTitle'));
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get('next'));
  const me = useMe();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  // Also the way out after a successful sign-in: useLogin stores the new session in `me`.
  if (me.data) return <Navigate to={returnTo} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password });
  };

  return (
    <Center mih="100dvh" p="md" component="main">
      <Box w="100%" maw={400}>
        <Stack align="center" gap={6} mb="lg">
          <Center w={44} h={44} bg="indigo.7" c="white" style={{ borderRadius: 12 }}>
            <ChatIcon size={24} />
          </Center>
          <Title order={1} fz="h2">
            {t('auth.login.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('auth.login.subtitle')}
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="lg">
          <form onSubmit={submit}>
            <Stack gap="md">
              {login.isError && (
                <Alert
                  color="red"
                  variant="light"
                  title={t(loginErrorTitle(login.error))}
                  icon={<AlertIcon />}
                >
                  {errorMessage(login.error)}
                </Alert>
              )}
              <TextInput
                label={t('auth.login.email')}
                type="email"
                name="email"
                autoComplete="username"
                required
                autoFocus
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
              />
              <TextInput
                label={t('auth.login.password')}
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
              <Button type="submit" fullWidth loading={login.isPending} mt="xs">
                {t('auth.login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Box>
    </Center>
  );
}
