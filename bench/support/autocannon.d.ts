// Minimal types for autocannon 9 (no @types package installed): only what bench/summary-load.ts uses.
declare module 'autocannon' {
  interface TOptions {
    url: string;
    headers?: Record<string, string>;
    connections?: number;
    duration?: number;
  }
  interface TResult {
    errors: number;
    timeouts: number;
    non2xx: number;
    requests: { total: number; average: number };
  }
  interface TInstance extends PromiseLike<TResult> {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
    ): void;
  }
  export default function autocannon(options: TOptions): TInstance;
}
