import { Alert, createTheme, DEFAULT_THEME, type MantineColorsTuple, Modal } from '@mantine/core';
import type { Translate } from './i18n/use-t.ts';

/** A default palette with shades 8 and 9 replaced (the darker ends, used for text and filled controls). */
function withDarkerEnds(name: keyof typeof DEFAULT_THEME.colors, shade8: string, shade9: string) {
  const shades = [...DEFAULT_THEME.colors[name]];
  shades[8] = shade8;
  shades[9] = shade9;
  return shades as unknown as MantineColorsTuple;
}

/**
 * Supportify's Mantine theme: system fonts (no web fonts: the CSP allows none), indigo accents, and
 * colours that pass WCAG AA (4.5:1), which axe-core checks on every page in the browser tests.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  autoContrast: true,
  // Mantine's default (0.3) keeps white text on colours too light for it (white on teal.8 is 3.9:1); at
  // 0.179 the text Mantine picks for a filled control is always at least 4.58:1.
  luminanceThreshold: 0.179,
  // Mantine's light variant writes shade 9 on shade 1, and the app writes shade 8 as text (errors, red
  // outlines) and as filled backgrounds. In the warm and green palettes those fall short of 4.5:1
  // (orange 9 on 1 is 3.6:1, red 8 on grey 0 is 4.3:1), so those two shades are darkened just enough:
  // shade 8 to 4.6:1 against white and the pale tints, shade 9 to 4.7:1 on shade 1.
  colors: {
    red: withDarkerEnds('red', '#ce2d2d', '#bf2828'),
    orange: withDarkerEnds('orange', '#ba470a', '#b23b0c'),
    yellow: withDarkerEnds('yellow', '#9e5c00', '#9a5000'),
    lime: withDarkerEnds('lime', '#49790b', '#456f0a'),
    green: withDarkerEnds('green', '#257d36', '#247333'),
    teal: withDarkerEnds('teal', '#087c58', '#077252'),
    cyan: withDarkerEnds('cyan', '#0b788a', '#0b6f81'),
    blue: withDarkerEnds('blue', '#196fbe', '#1864ab'),
  },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '650' },
});

/**
 * The names of Mantine's icon-only close buttons (without one screen readers announce just "button"), in
 * the UI's language: a theme layered over `theme` below the providers that know the language.
 */
export const closeButtonNames = (t: Translate) =>
  createTheme({
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }),
      Alert: Alert.extend({ defaultProps: { closeButtonLabel: t('common.dismiss') } }),
    },
  });
