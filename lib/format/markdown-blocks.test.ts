import { expect, test } from 'vitest';
import { parseInline, parseMarkdownBlocks } from './markdown-blocks';

test('headings, paragraphs, lists, tables and code blocks', () => {
  const md = [
    '# Sources: `grid/`',
    '',
    'Ember data, **CC BY 4.0**,',
    'attributed.',
    '',
    '- first',
    '  continued',
    '- second',
    '',
    '| File | Licence |',
    '|---|---|',
    '| a.csv | ODbL 1.0 |',
    '',
    '```',
    'x = 1',
    '```',
  ].join('\n');
  expect(parseMarkdownBlocks(md)).toEqual([
    { type: 'heading', level: 1, text: 'Sources: `grid/`' },
    { type: 'paragraph', text: 'Ember data, **CC BY 4.0**, attributed.' },
    { type: 'list', items: ['first continued', 'second'] },
    { type: 'table', header: ['File', 'Licence'], rows: [['a.csv', 'ODbL 1.0']] },
    { type: 'code', text: 'x = 1' },
  ]);
});

test('inline code, strong and http links; other link targets stay text', () => {
  expect(
    parseInline('See [Ember](https://ember-energy.org), `x` and **y** or [bad](javascript:alert)'),
  ).toEqual([
    { type: 'text', text: 'See ' },
    { type: 'link', text: 'Ember', href: 'https://ember-energy.org' },
    { type: 'text', text: ', ' },
    { type: 'code', text: 'x' },
    { type: 'text', text: ' and ' },
    { type: 'strong', text: 'y' },
    { type: 'text', text: ' or [bad](javascript:alert)' },
  ]);
});
