'use client';

import { Moon, Sun } from 'lucide-react';
import { useState } from 'react';
import { THEME_COOKIE, type TTheme } from '@/lib/theme';

/**
 * Light/dark switch. The choice is stored in a cookie that the root layout reads on the server to set
 * <html class="dark">, so the first paint is already right without an inline script.
 */
export function ThemeToggle({ initial }: { initial: TTheme }) {
  const [theme, setTheme] = useState<TTheme>(initial);
  const next: TTheme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      aria-label={`Switch to ${next} theme`}
      aria-pressed={theme === 'dark'}
      onClick={() => {
        document.documentElement.classList.toggle('dark', next === 'dark');
        document.documentElement.style.colorScheme = next;
        // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server layout.
        document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        setTheme(next);
      }}
      className="rounded-md border border-slate-200 p-2 text-slate-600 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      {theme === 'dark' ? <Sun aria-hidden className="size-4" /> : <Moon aria-hidden className="size-4" />}
    </button>
  );
}
