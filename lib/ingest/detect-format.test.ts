import { expect, test } from 'vitest';
import { detectFormat } from './detect-format';

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
