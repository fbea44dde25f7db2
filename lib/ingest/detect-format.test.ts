import { expect, test } from 'vitest';
import { detectFormat } from './detect-format';
import * as ingest from './index';

test.each([
  ['timestamp,project_name,duration,emissions,energy_consumed', 'codecarbon'],
  ['task_name,timestamp,duration,emissions,energy_consumed', 'codecarbon-task'],
  ['timestamp,index,name,power.draw [W]', 'nvidia-smi'],
  ['timestamp,uuid,power.draw', 'nvidia-smi'],
  ['name,power.draw [W],timestamp', 'nvidia-smi'],
  ['phase,started_at,ended_at', 'generic'],
  ['phase,started_at,ended_at,extra_a,extra_b', 'generic'],
  ['phase,foo,bar,baz', 'unknown'],
  ['Job,Start,End', 'unknown'],
])('%s → %s', (header, expected) => {
  expect(detectFormat(header.split(','))).toBe(expected);
});

test('the public entry point re-exports the API', () => {
  expect(typeof ingest.parseUsageFile).toBe('function');
  expect(ingest.INGEST_FLAGS.PHASE_DEFAULTED).toBe('PHASE_DEFAULTED');
  expect(ingest.DEFAULT_NVIDIA_SMI_MAX_GAP_SECONDS).toBe(60);
  expect(ingest.GENERIC_TEMPLATE_CSV.startsWith('record_id,phase,')).toBe(true);
});
