/** Theme preference cookie (light | dark), read by app/layout.tsx on the server. */
export const THEME_COOKIE = 'aif_theme';
export type TTheme = 'light' | 'dark';
/** What the user chose: a theme, or nothing stored yet, in which case the operating system's setting applies. */
export type TThemeChoice = TTheme | 'system';

export function parseTheme(value: string | undefined): TThemeChoice {
  return value === 'dark' || value === 'light' ? value : 'system';
}

/**
 * The class of <html>: `dark` or `light` for a stored choice, none for 'system' (app/globals.css then applies the
 * dark variant under `prefers-color-scheme: dark`, so the first paint is right without a script).
 */
export function themeClassName(choice: TThemeChoice): TTheme | undefined {
  return choice === 'system' ? undefined : choice;
}
