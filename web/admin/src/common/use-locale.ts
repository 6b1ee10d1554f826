import { useMe } from '../api/auth.ts';

/** The signed-in user's locale for dates, else the browser's. */
export function useLocale(): string | undefined {
  const { data } = useMe();
  return data?.user.locale || undefined;
}
