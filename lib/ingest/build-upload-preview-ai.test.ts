import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildUploadPreview } from './build-upload-preview';

const DIR = path.join(process.cwd(), 'tests', 'fixtures', 'usage-exports');
const read = (file: string) => new Uint8Array(readFileSync(path.join(DIR, file)));

describe('upload preview of AI-service usage exports (issue #21)', () => {
  test('OpenAI dashboard CSV: detected, header and first rows shown, 2 usage rows (row 3 is an empty bucket)', () => {
    const preview = buildUploadPreview(read('openai_dashboard_usage_export.synthetic.csv'), false, {
      fileName: 'usage.csv',
    });
    expect(preview.format).toBe('ai-usage');
    expect(preview.headers.slice(0, 2)).toEqual(['start_time', 'end_time']);
    expect(preview.rows).toHaveLength(3);
    expect(preview).toMatchObject({ records: 2, errors: [], needsMapping: false });
  });

  test('Anthropic JSON: 2 results; a JSON page cut at the preview size shows no parse error', () => {
    const bytes = read('anthropic_usage_report_messages.synthetic.json');
    expect(buildUploadPreview(bytes, false, { fileName: 'a.json' })).toMatchObject({
      format: 'ai-usage',
      records: 2,
      errors: [],
    });
    expect(buildUploadPreview(bytes.subarray(0, 200), true, { fileName: 'a.json' }).errors).toEqual([]);
  });

  test('a negative token count is shown with its line', () => {
    const csv =
      'start_time,end_time,project_id,num_model_requests,model,input_tokens,output_tokens\n1767225600,1767312000,p,1,gpt-4o-mini,10,-5\n';
    const preview = buildUploadPreview(new TextEncoder().encode(csv), false, { fileName: 'bad.csv' });
    expect(preview.errors.map((e) => e.line)).toEqual([2]);
  });
});
