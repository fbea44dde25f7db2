import type { IncomingMessage, ServerResponse } from 'node:http';

export function withRequestContext(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): (req: IncomingMessage, res: ServerResponse) => void;
