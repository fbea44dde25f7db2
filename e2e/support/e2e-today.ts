/**
 * "Now" of the app under e2e (issue #23: tests fix today = 2026-12-06): scripts/e2e-server.ts starts Next.js with
 * AIF_FIXED_NOW set to it (lib/server/http/request-clock.ts), so period presets resolve the same on any day the
 * suite runs. An AIF_FIXED_NOW already in the environment wins.
 */
export const E2E_NOW = process.env.AIF_FIXED_NOW || '2026-12-06T12:00:00Z';
