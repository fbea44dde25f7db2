import { Fragment } from 'react';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { parseInline, parseMarkdownBlocks } from '@/lib/format/markdown-blocks';

function Inline({ text }: { text: string }) {
  return (
    <>
      {parseInline(text).map((part, i) => {
        const key = `${i}-${part.type}`;
        if (part.type === 'code') {
          return (
            <code key={key} className="rounded bg-slate-100 px-1 font-mono text-xs break-all">
              {part.text}
            </code>
          );
        }
        if (part.type === 'strong') {
          return <strong key={key}>{part.text}</strong>;
        }
        if (part.type === 'link') {
          return (
            <a key={key} href={part.href} className="text-brand-700 underline" rel="noreferrer">
              {part.text}
            </a>
          );
        }
        return <Fragment key={key}>{part.text}</Fragment>;
      })}
    </>
  );
}

/** Renders a SOURCES.md file (headings are shifted below the page's own h1/h2). */
export function MarkdownView({ markdown }: { markdown: string }) {
  return (
    <div className="flex flex-col gap-3 text-sm leading-relaxed text-slate-700">
      {parseMarkdownBlocks(markdown).map((block, i) => {
        const key = `${i}-${block.type}`;
        switch (block.type) {
          case 'heading': {
            const Tag = block.level <= 1 ? 'h3' : block.level === 2 ? 'h4' : 'h5';
            return (
              <Tag key={key} className="mt-2 font-semibold text-slate-900">
                <Inline text={block.text} />
              </Tag>
            );
          }
          case 'list':
            return (
              <ul key={key} className="list-disc pl-5">
                {block.items.map((item, k) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: static document
                  <li key={k}>
                    <Inline text={item} />
                  </li>
                ))}
              </ul>
            );
          case 'table':
            return (
              <ScrollRegion key={key} label="Table (scrolls sideways)">
                <table className="w-full text-left text-xs">
                  <thead className="border-b border-slate-200 text-slate-500">
                    <tr>
                      {block.header.map((h, k) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: static document
                        <th key={k} scope="col" className="px-2 py-1 font-medium">
                          <Inline text={h} />
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {block.rows.map((row, r) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: static document
                      <tr key={r} className="border-b border-slate-100 align-top last:border-0">
                        {row.map((cell, k) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: static document
                          <td key={k} className="px-2 py-1">
                            <Inline text={cell} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            );
          case 'code':
            return (
              <pre
                key={key}
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling block must be reachable to scroll by keyboard.
                tabIndex={0}
                className="overflow-x-auto rounded bg-slate-50 p-3 font-mono text-xs"
              >
                {block.text}
              </pre>
            );
          default:
            return (
              <p key={key}>
                <Inline text={block.text} />
              </p>
            );
        }
      })}
    </div>
  );
}
