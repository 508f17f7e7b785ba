/**
 * Hooks for the server tests, read once from the environment; nothing else sets them,
 * and unset they cost one comparison per validation. The extension never passes them on
 * (client/src/server-environment.ts). They stand in for inputs the
 * tests cannot otherwise produce: no known text makes the checker throw, and since
 * at most 1,000 diagnostics are published no document's validation is slow enough to
 * land the publish race of document-builder.ts on purpose.
 */
export const testHooks = {
  /** Checking a document whose text contains this string throws (test/lsp/isolation.test.ts). */
  failOn: process.env.TCPFLOW_TEST_FAIL_ON || undefined,
  /** Each validation takes at least this long, busy (test/lsp/publish-race.test.ts). */
  validationDelayMs: Number(process.env.TCPFLOW_TEST_VALIDATION_DELAY_MS) || 0,
};

/** Runs the hooks for a document about to be validated. */
export function validationHooks(text: string): void {
  if (testHooks.failOn && text.includes(testHooks.failOn)) throw new Error(`TCPFLOW_TEST_FAIL_ON: ${testHooks.failOn}`);
  if (testHooks.validationDelayMs > 0) {
    const until = performance.now() + testHooks.validationDelayMs;
    while (performance.now() < until) { /* a slow validation, on purpose */ }
  }
}
