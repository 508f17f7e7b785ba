/**
 * The environment the extension gives the language server: the editor's own, minus the
 * server's test hooks (server/src/lsp/test-hooks.ts). Those are read from TCPFLOW_TEST_*
 * variables, and a VS Code started from a shell where the tests were run would otherwise
 * pass them on and make validations throw or crawl for a real user.
 */
const TEST_HOOK_PREFIX = 'TCPFLOW_TEST_';

export function serverEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.toUpperCase().startsWith(TEST_HOOK_PREFIX)));
}
