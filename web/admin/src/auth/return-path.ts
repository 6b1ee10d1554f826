const DEFAULT_PATH = '/conversations';

/** A same-site path to return to after sign-in; anything else (other hosts, //evil) becomes the default. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return DEFAULT_PATH;
  if (value === '/login' || value.startsWith('/login?')) return DEFAULT_PATH;
  return value;
}

/** `/login?next=<where the user was>`. */
export function loginPath(returnTo: string): string {
  return returnTo === '/' ? '/login' : `/login?next=${encodeURIComponent(returnTo)}`;
}
