/**
 * The handle VS Code gives a webview script: post to the extension, keep state across
 * reloads. `acquireVsCodeApi` may be called only once per page.
 */
import type { FromWebview, PreviewState } from '../../src/preview/messages.js';

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
  getState(): unknown;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api: VsCodeApi = acquireVsCodeApi();

export function post(message: FromWebview): void {
  api.postMessage(message);
}

export function saveState(state: PreviewState): void {
  api.setState(state);
}
