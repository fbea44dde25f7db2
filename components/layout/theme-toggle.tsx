'use client';

import { Moon, Sun } from 'lucide-react';
import { useState, useSyncExternalStore } from 'react';
import { THEME_COOKIE, type TTheme, type TThemeChoice } from '@/lib/theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeToSystemTheme(onChange: () => void) {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/**
 * Light/dark switch. The choice is stored in a cookie that the root layout reads on the server to set
 * <html class="dark|light">, so the first paint is already right without an inline script. Until the user chooses,
 * the operating system's preference applies (app/globals.css) and the button offers its opposite.
 */
export function ThemeToggle({ initial }: { initial: TThemeChoice }) {
  const [choice, setChoice] = useState<TThemeChoice>(initial);
  // The server cannot know the system preference: it renders as light and React re-renders after hydration.
  const systemDark = useSyncExternalStore(
    subscribeToSystemTheme,
    () => window.matchMedia(DARK_QUERY).matches,
    () => false,
  );
  const theme: TTheme = choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
  const next: TTheme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      aria-label={`Switch to ${next} theme`}
      aria-pressed={theme === 'dark'}
      onClick={() => {
        document.documentElement.classList.remove('light', 'dark');
        document.documentElement.classList.add(next);
        // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server layout.
        document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        setChoice(next);
      }}
      className="rounded-md border border-slate-200 p-2 text-slate-600 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      {theme === 'dark' ? <Sun aria-hidden className="size-4" /> : <Moon aria-hidden className="size-4" />}
    </button>
  );
}
