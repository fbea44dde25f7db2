import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config';

// `next build` must fail on a type error, so a build made without `npm test` before it cannot ship one.
describe('next.config.ts', () => {
  it('lets type errors fail the build', () => {
    expect(nextConfig.typescript?.ignoreBuildErrors ?? false).toBe(false);
  });
});
