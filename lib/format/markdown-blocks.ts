/**
 * A deliberately small Markdown reader for the bundled SOURCES.md files (headings, paragraphs, bullet lists,
 * pipe tables, fenced code), so attributions render as HTML without a Markdown dependency. Pure.
 */
export type TMarkdownBlock =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; header: string[]; rows: string[][] }
  | { type: 'code'; text: string };

export type TInline =
  | { type: 'text' | 'code' | 'strong'; text: string }
  | { type: 'link'; text: string; href: string };

const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

export function parseMarkdownBlocks(markdown: string): TMarkdownBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: TMarkdownBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i += 1;
    } else if (line.startsWith('```')) {
      const body: string[] = [];
      for (i += 1; i < lines.length && !(lines[i] ?? '').startsWith('```'); i += 1) {
        body.push(lines[i] ?? '');
      }
      blocks.push({ type: 'code', text: body.join('\n') });
      i += 1;
    } else if (/^#{1,6} /.test(line)) {
      const level = line.indexOf(' ');
      blocks.push({ type: 'heading', level, text: line.slice(level + 1).trim() });
      i += 1;
    } else if (line.trim().startsWith('|')) {
      const table: string[] = [];
      for (; i < lines.length && (lines[i] ?? '').trim().startsWith('|'); i += 1) {
        table.push(lines[i] ?? '');
      }
      const [header = '', , ...rows] = table;
      blocks.push({ type: 'table', header: cellsOf(header), rows: rows.map(cellsOf) });
    } else if (/^\s*[-*] /.test(line)) {
      const items: string[] = [];
      for (
        ;
        i < lines.length && (lines[i] ?? '').trim() !== '' && !(lines[i] ?? '').startsWith('#');
        i += 1
      ) {
        const item = lines[i] ?? '';
        if (/^\s*[-*] /.test(item)) {
          items.push(item.replace(/^\s*[-*] /, ''));
        } else {
          items[items.length - 1] = `${items[items.length - 1] ?? ''} ${item.trim()}`;
        }
      }
      blocks.push({ type: 'list', items });
    } else {
      const text: string[] = [];
      for (; i < lines.length; i += 1) {
        const next = lines[i] ?? '';
        if (next.trim() === '' || /^(#{1,6} |```|\s*\||\s*[-*] )/.test(next)) {
          break;
        }
        text.push(next.trim());
      }
      blocks.push({ type: 'paragraph', text: text.join(' ') });
    }
  }
  return blocks;
}

/** Splits text into plain text, `code`, **strong** and [links](https://…) (only http(s) links become links). */
export function parseInline(text: string): TInline[] {
  const out: TInline[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) {
      out.push({ type: 'text', text: text.slice(last, match.index) });
    }
    if (match[1] !== undefined) {
      out.push({ type: 'code', text: match[1] });
    } else if (match[2] !== undefined) {
      out.push({ type: 'strong', text: match[2] });
    } else {
      out.push({ type: 'link', text: match[3] ?? '', href: match[4] ?? '' });
    }
    last = match.index + match[0].length;
  }
  if (last < text.length) {
    out.push({ type: 'text', text: text.slice(last) });
  }
  return out;
}
