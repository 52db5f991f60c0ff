import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Calm colours with text contrast above WCAG AA (checked by axe-core in the browser suite). */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif',
  headings: { fontWeight: '600' },
});

/** Mantine's "dimmed" grey and error red are below 4.5:1 on white; hints and errors use darker ones. */
export const contrast: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
