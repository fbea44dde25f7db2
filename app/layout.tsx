import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { parseTheme, THEME_COOKIE } from '@/lib/theme';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'AI Footprint', template: '%s · AI Footprint' },
  description: 'Energy, CO2e, embodied emissions and water of your AI training and inference.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The theme cookie is read on the server so the first paint has the right theme (no inline script).
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={theme === 'dark' ? 'dark' : undefined} style={{ colorScheme: theme }}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
