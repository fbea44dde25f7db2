import { expect, test } from 'vitest';
import { parseAcceleratorCount, parseInstanceTypes } from './parse-instance-types';

test('accelerator counts: integers, fractions of a partitioned GPU, and nothing guessed', () => {
  expect(parseAcceleratorCount('8')).toBe(8);
  expect(parseAcceleratorCount('1/6')).toBeCloseTo(1 / 6, 15);
  expect(parseAcceleratorCount(' 1/2 ')).toBe(0.5);
  for (const text of ['', '0', 'eight', '1/0', '-1', undefined]) {
    expect(parseAcceleratorCount(text)).toBeNull();
  }
});

test('rows keep host power only with all three load points; unknown providers are skipped', () => {
  const text = [
    'provider,instance_type,accelerator_id,accelerator_count,host_power_idle_w,host_power_50pct_w,host_power_100pct_w,power_basis,source_accelerator',
    'AWS,p4d.24xlarge,nvidia-a100-sxm4-40gb,8,1,2,3,Teads model,CCF',
    'GCP,a2-highgpu-1g,nvidia-a100-sxm4-40gb,1,,5,,,xpk',
    'Nimbus,x1,nvidia-t4,1,,,,,somewhere',
  ].join('\n');
  const [aws, gcp, ...rest] = parseInstanceTypes(text);
  expect(rest).toEqual([]);
  expect(aws).toMatchObject({
    provider: 'aws',
    name: 'p4d.24xlarge',
    acceleratorCount: 8,
    hostPower: { idleW: 1, halfLoadW: 2, fullLoadW: 3, source: 'Teads model' },
  });
  expect(gcp).toMatchObject({ provider: 'gcp', acceleratorCount: 1, hostPower: null });
});
