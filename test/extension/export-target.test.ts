/**
 * The trust rule of "Export Diagram…" (client/src/export/export-target.ts): without the
 * Save dialog, an export goes only inside the workspace folder or beside its scenario,
 * with symbolic links resolved — whatever `tcpflow.export.directory` says.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mayExportWithoutAsking, type UriLike } from '../../client/src/export/export-target.js';

const base = mkdtempSync(join(tmpdir(), 'tcpflow-export-target-'));
const workspace = join(base, 'repo');
const outside = join(base, 'outside');
mkdirSync(join(workspace, 'docs'), { recursive: true });
mkdirSync(outside);
// A link the repository ships, pointing out of it.
symlinkSync(outside, join(workspace, 'docs', 'escape'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const file = (path: string): UriLike => ({ scheme: 'file', authority: '', path: resolve(path), fsPath: resolve(path) });
const places = { workspaceFolder: file(workspace), scenarioFolder: file(join(workspace, 'docs')) };

describe('where an export may go without the Save dialog', () => {
  it.each([
    ['beside the scenario', join(workspace, 'docs', 'x.svg')],
    ['in a folder of the workspace that does not exist yet', join(workspace, 'diagrams', 'new', 'x.svg')],
    ['at the workspace root', join(workspace, 'x.svg')],
    ['in a folder literally named ~ inside the workspace ("~/.ssh" is not expanded)', join(workspace, '~', '.ssh', 'x.svg')],
  ])('%s: yes', (_name, target) => {
    expect(mayExportWithoutAsking(file(target), places)).toBe(true);
  });

  it.each([
    ['/etc/cron.d', '/etc/cron.d/x.svg'],
    ['the home folder\'s .ssh', join(process.env.HOME ?? '/root', '.ssh', 'x.svg')],
    ['../../.. from the workspace', join(workspace, '..', '..', '..', 'x.svg')],
    ['a sibling folder whose name starts like the workspace\'s', join(`${workspace}-evil`, 'x.svg')],
    ['through a symbolic link in the workspace that points out of it', join(workspace, 'docs', 'escape', 'x.svg')],
  ])('%s: no', (_name, target) => {
    expect(mayExportWithoutAsking(file(target), places)).toBe(false);
  });

  it('a scenario in no workspace folder exports beside itself, and nowhere else', () => {
    const loose = { scenarioFolder: file(outside) };
    expect(mayExportWithoutAsking(file(join(outside, 'x.svg')), loose)).toBe(true);
    expect(mayExportWithoutAsking(file(join(workspace, 'x.svg')), loose)).toBe(false);
  });

  it('an untitled scenario with no workspace folder always goes through the Save dialog', () => {
    expect(mayExportWithoutAsking(file(join(process.cwd(), 'x.svg')), {})).toBe(false);
  });

  it('on a virtual or remote file system: compares the paths, on the same file system only', () => {
    const remote = (path: string, authority = 'ssh-remote+box'): UriLike => ({ scheme: 'vscode-remote', authority, path, fsPath: path });
    const root = { workspaceFolder: remote('/home/me/repo') };
    expect(mayExportWithoutAsking(remote('/home/me/repo/docs/x.svg'), root)).toBe(true);
    expect(mayExportWithoutAsking(remote('/home/me/repo/../../etc/cron.d/x.svg'), root)).toBe(false);
    expect(mayExportWithoutAsking(remote('/home/me/repo-other/x.svg'), root)).toBe(false);
    expect(mayExportWithoutAsking(remote('/home/me/repo/x.svg', 'ssh-remote+other'), root)).toBe(false);
    expect(mayExportWithoutAsking(file('/home/me/repo/x.svg'), root)).toBe(false);
  });
});
