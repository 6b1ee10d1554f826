import { Button } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useLogout } from '../api/auth.ts';
import { SignOutIcon } from '../common/icons.tsx';
import { useT } from '../i18n/use-t.ts';

/** Ends the session and returns to the sign-in page. */
export function SignOutButton() {
  const t = useT();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<SignOutIcon size={16} />}
      loading={logout.isPending}
      onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
    >
      {t('layout.signOut')}
    </Button>
  );
}
