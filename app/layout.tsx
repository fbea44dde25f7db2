import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { parseTheme, THEME_COOKIE, themeClassName } from '@/lib/theme';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'AI Footprint', template: '%s · AI Footprint' },
  description: 'Energy, CO2e, embodied emissions and water of your AI training and inference.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The theme cookie is read on the server so the first paint has the right theme (no inline script); with no
  // cookie, <html> has no theme class and app/globals.css follows prefers-color-scheme.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={themeClassName(theme)}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
