/** Which URI a preview restored from the webview's saved state may open (client/src/preview/revive-target.ts). */
import { describe, expect, it } from 'vitest';
import { reviveDecision } from '../../client/src/preview/revive-target.js';

describe('restoring a preview after a reload', () => {
  it.each([
    ['file', '/repo/handshake.tcpflow'],
    ['file', '/repo/UPPER.TCPFLOW'],
    ['vscode-remote', '/home/me/repo/x.tcpflow'],
    ['vscode-vfs', '/github/owner/repo/x.tcpflow'],
  ])('opens a .tcpflow file (%s:%s)', (scheme, path) => {
    expect(reviveDecision({ scheme, path })).toBe('open');
  });

  it.each([
    ['file', '/home/me/.ssh/id_rsa'],
    ['file', '/etc/passwd'],
    ['file', '/repo/x.tcpflow.md'],
    ['file', '/repo/x.tcpflow/'],
    ['vscode-userdata', '/User/settings.tcpflow'],
    ['git', '/repo/x.tcpflow'],
    ['output', 'extension-output-#1.tcpflow'],
    ['https', '/evil.example/x.tcpflow'],
    ['command', 'workbench.action.terminal.new.tcpflow'],
  ])('opens nothing else (%s:%s)', (scheme, path) => {
    expect(reviveDecision({ scheme, path })).toBe('refuse');
  });

  it('uses an untitled document only if it is already open as tcpflow (opening would make a new one)', () => {
    expect(reviveDecision({ scheme: 'untitled', path: 'Untitled-1' })).toBe('only-if-open-as-tcpflow');
  });
});
