// A CSV download streamed from batches of rows (keyset or offset pages), so large exports never sit in memory.
// Used by GET /records/export and GET /audit/export.
export function csvStreamResponse<T>(
  headerLine: string,
  batches: AsyncGenerator<T[]>,
  toLine: (row: T) => string,
  fileName: string,
): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(headerLine));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(toLine).join('')));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    },
  });
}
