/** Theme preference cookie (light | dark), read by app/layout.tsx on the server. */
export const THEME_COOKIE = 'aif_theme';
export type TTheme = 'light' | 'dark';

export function parseTheme(value: string | undefined): TTheme {
  return value === 'dark' ? 'dark' : 'light';
}
