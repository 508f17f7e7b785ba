/**
 * A turn of the event loop: queued messages and timers run before the promise resolves.
 * Node has `setImmediate`; a browser Web Worker (the playground's and vscode.dev's
 * language server, main-browser.ts) has not, and there a zero timeout does the same.
 */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
