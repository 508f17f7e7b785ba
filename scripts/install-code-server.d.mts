// Types for scripts/install-code-server.mjs, imported by the end-to-end test (test/e2e/code-server.ts).
export const CODE_SERVER_VERSION: string;
export const NODE_VERSION: string;
export const APT_PACKAGES: readonly string[];
export const DEFAULT_DIR: string;
export function codeServerBin(dir?: string): string;
export function isInstalled(dir?: string): boolean;
export function installCodeServer(dir?: string, options?: { log?: (line: string) => void }): string;
