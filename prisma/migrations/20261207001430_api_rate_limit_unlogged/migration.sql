-- api_rate_limit becomes UNLOGGED (issue #20, read side). Every authenticated API request upserts its token and
-- organisation counters here (lib/server/http/rate-limit-counts.ts): under 50 concurrent connections of one token
-- those upserts queue on the same two rows, and each commit of a logged table waits for its WAL flush while
-- holding the row lock. An unlogged table writes no WAL, so its commits do not wait for a flush and the row locks
-- are held for microseconds. The counters are 60-second fixed windows with no audit value: after a crash Postgres
-- empties an unlogged table, which only restarts the current window (docs/decisions/scale.md ADR 14).
ALTER TABLE "api_rate_limit" SET UNLOGGED;
