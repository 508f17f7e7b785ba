// The Node built-ins that shared client modules import, for the extension's browser
// bundle (out/browser/extension.js), where there is no Node. Each shim does what the
// browser can do (random bytes) or fails with a clear error where it cannot (files,
// hashes): those paths are the desktop's only (the preview's preload manifest is read
// in a try and is an optimisation; hashing belongs to the export command, which the
// browser entry does not register).
export const BROWSER_NODE_SHIMS = {
  'node:crypto': `
    export function randomBytes(size) {
      const bytes = globalThis.crypto.getRandomValues(new Uint8Array(size));
      return { toString(encoding) {
        if (encoding !== 'base64') throw new Error('randomBytes shim: base64 only');
        return btoa(String.fromCharCode(...bytes));
      } };
    }
    export function createHash() { throw new Error('hashing is not available in the browser'); }`,
  'node:fs': `
    export function readFileSync() { throw new Error('no file system in the browser'); }`,
  'node:path': `
    export function join(...parts) { return parts.join('/').replace(/\\/+/g, '/'); }`,
};

/** An esbuild plugin that resolves the modules above to their shims. */
export function browserNodeShims() {
  return {
    name: 'tcpflow-browser-node-shims',
    setup(build) {
      const filter = new RegExp(`^(${Object.keys(BROWSER_NODE_SHIMS).join('|')})$`);
      build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'tcpflow-node-shim' }));
      build.onLoad({ filter: /.*/, namespace: 'tcpflow-node-shim' }, (args) => ({ contents: BROWSER_NODE_SHIMS[args.path], loader: 'js' }));
    },
  };
}
