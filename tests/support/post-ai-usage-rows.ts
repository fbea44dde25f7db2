import { POST as postAiUsage } from '@/app/api/v1/ai-usage/route';

/** `POST /api/v1/ai-usage` through the route handler with a bearer token (JSON body of `rows`). */
export function postAiUsageRows(token: string, rows: unknown): Promise<Response> {
  return postAiUsage(
    new Request('http://localhost/api/v1/ai-usage', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(rows),
    }),
  );
}
