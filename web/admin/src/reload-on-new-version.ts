const RELOADED_AT = 'supportify:reloaded-for-new-version';
const COOLDOWN_MS = 10_000;

/**
 * After a deploy the old build's chunks are gone: a page still open on it cannot load the next page's
 * chunk ("Failed to fetch dynamically imported module"). Vite announces that as `vite:preloadError`;
 * the page then reloads onto the new build, at most once per 10 s so a server that is really down does
 * not cause a reload loop (the error then shows as usual).
 */
export function reloadOnNewVersion(): void {
  window.addEventListener('vite:preloadError', (event) => {
    const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
    if (Date.now() - last < COOLDOWN_MS) return;
    sessionStorage.setItem(RELOADED_AT, String(Date.now()));
    event.preventDefault();
    window.location.reload();
  });
}
