'use client';

import { useEffect } from 'react';

/**
 * Sets `data-report-ready` on <html> once every report chart has drawn and the fonts are loaded; the PDF renderer
 * (lib/server/reports/print-report-pdf.ts) waits for it before printing, so no chart is printed half-drawn.
 */
export function PrintReady() {
  useEffect(() => {
    let cancelled = false;
    const check = async () => {
      await document.fonts.ready;
      const charts = [...document.querySelectorAll('[data-report-chart]')];
      const drawn = charts.every((c) =>
        c.querySelector(
          '[data-chart-drawn] .recharts-bar-rectangle, [data-chart-drawn] .recharts-cartesian-axis-tick',
        ),
      );
      if (cancelled) {
        return;
      }
      if (drawn) {
        document.documentElement.dataset.reportReady = 'true';
      } else {
        requestAnimationFrame(() => void check());
      }
    };
    void check();
    return () => {
      cancelled = true;
    };
  }, []);
  return null;
}
