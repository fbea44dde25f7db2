import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/BENCHMARKS.md holds the current figures of every benchmark and how to reproduce them (history lives in git).
// These checks keep it that way: one section per `bench:*` script, and every timing or memory figure the README's
// "Scale" line quotes is one BENCHMARKS.md records (a figure may be rounded: 1.7 s for 1,748 ms).

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** `## ` sections of a Markdown document: heading plus its first non-empty body line. */
function sectionOpenings(markdown: string): string[] {
  const lines = markdown.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (line.startsWith('## ')) {
      const firstBody = lines.slice(i + 1).find((l) => l.trim() !== '') ?? '';
      out.push(`${line}\n${firstBody}`);
    }
  });
  return out;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000 };

/** Every "<number> ms|s" in `text` in milliseconds (thousands separators allowed). */
function durationsMs(text: string): number[] {
  return [...text.matchAll(/(\d[\d,]*(?:\.\d+)?)\s?(ms|s)\b/g)].map(
    (m) => Number((m[1] ?? '').replaceAll(',', '')) * (UNIT_MS[m[2] ?? 'ms'] ?? 1),
  );
}

describe('docs/BENCHMARKS.md', () => {
  const doc = read('docs/BENCHMARKS.md');
  const scripts = Object.keys(JSON.parse(read('package.json')).scripts as Record<string, string>).filter(
    (s) => s.startsWith('bench:'),
  );

  it('has one section per bench script, named in its heading or first line', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(7);
    const openings = sectionOpenings(doc);
    const missing = scripts.filter(
      (script) =>
        openings.filter((o) => o.includes(`npm run ${script}\``) || o.includes(`npm run ${script} `))
          .length !== 1,
    );
    expect(missing).toEqual([]);
  });

  it('records every duration the README "Scale" line quotes', () => {
    const scale = /- \*\*Scale\*\*:[\s\S]*?(?=\n- \*\*)/.exec(read('README.md'))?.[0] ?? '';
    expect(scale).not.toBe('');
    const recorded = durationsMs(doc);
    // A range such as "58–121 ms" quotes two figures; the README may round to the precision it shows.
    const quoted = [...scale.matchAll(/(\d+(?:\.\d+)?)(?:–(\d+(?:\.\d+)?))?\s?(ms|s)\b/g)].flatMap((m) =>
      [m[1], m[2]]
        .filter((v): v is string => v !== undefined)
        .map((v) => ({
          text: `${v} ${m[3]}`,
          value: Number(v),
          unit: m[3] as 'ms' | 's',
          decimals: v.split('.')[1]?.length ?? 0,
        })),
    );
    expect(quoted.length).toBeGreaterThanOrEqual(4);
    const absent = quoted.filter(
      (q) => !recorded.some((ms) => Number((ms / (UNIT_MS[q.unit] ?? 1)).toFixed(q.decimals)) === q.value),
    );
    expect(absent.map((q) => q.text)).toEqual([]);
  });

  it('records the ingest memory figure the README quotes (peak RSS of the 1M-row ingest)', () => {
    const quoted = /\*\*peak RSS (\d+) MB\*\*/.exec(read('README.md'))?.[1];
    expect(quoted).toBeDefined();
    expect(doc).toContain(`**peak RSS ${quoted} MB**`);
  });
});
