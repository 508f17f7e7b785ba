/**
 * `synack new`: every template is written (to stdout or a file) exactly as the examples/
 * file it is, checks clean, is never written over without --force; `--list` names them
 * all. And the VS Code snippets tell the same story as the templates they correspond to.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../server/src/language/analyze.js';
import { ROOT } from '../support/bundle-lock.js';
import { cliRunner, type RunCli } from './run-cli.js';

/** Template name → the examples/ file it is (server/src/cli/templates.ts). */
const TEMPLATES: Record<string, string> = {
  handshake: 'three-way-handshake.tcpflow',
  close: 'four-way-close.tcpflow',
  'simultaneous-open': 'simultaneous-open.tcpflow',
  'simultaneous-close': 'simultaneous-close.tcpflow',
  refused: 'connection-refused.tcpflow',
  'time-wait': 'lost-last-ack-time-wait.tcpflow',
  'half-close': 'half-close-shutdown.tcpflow',
};
const example = (name: string): string => readFileSync(join(ROOT, 'examples', TEMPLATES[name]), 'utf8');

let run: RunCli;
let dir: string;

beforeAll(() => {
  ({ run, dir } = cliRunner());
});

describe('new', () => {
  it('--list: every template, one line each, and nothing else', async () => {
    const r = await run(['new', '--list']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(Object.keys(TEMPLATES));
    for (const l of lines) expect(l.length).toBeGreaterThan(40);
  });

  it('without a template: the handshake, on standard output', async () => {
    const r = await run(['new']);
    expect(r).toEqual({ status: 0, stdout: example('handshake'), stderr: '' });
  });

  it.each(Object.keys(TEMPLATES))('%s: -o writes the example, which checks clean; a second time it refuses', async (name) => {
    const file = `${name}.tcpflow`;
    const written = await run(['new', name, '-o', file]);
    expect(written.status, written.stderr).toBe(0);
    expect(written.stderr).toContain(`${file}: written from the '${name}' template`);
    expect(readFileSync(join(dir, file), 'utf8')).toBe(example(name));
    expect(await run(['check', file])).toEqual({ status: 0, stdout: '', stderr: '' });

    writeFileSync(join(dir, file), 'my edits\n');
    const again = await run(['new', name, '-o', file]);
    expect(again).toEqual({ status: 2, stdout: '', stderr: `synack: ${file}: already exists; add --force to overwrite it\n` });
    expect(readFileSync(join(dir, file), 'utf8')).toBe('my edits\n');
  });

  it('--force replaces the file', async () => {
    writeFileSync(join(dir, 'forced.tcpflow'), 'my edits\n');
    expect((await run(['new', 'close', '-o', 'forced.tcpflow', '--force'])).status).toBe(0);
    expect(readFileSync(join(dir, 'forced.tcpflow'), 'utf8')).toBe(example('close'));
  });

  it('an unknown template or option: one line, exit 2, nothing written', async () => {
    const r = await run(['new', 'listen-queues', '-o', 'q.tcpflow']);
    expect(r).toEqual({ status: 2, stdout: '', stderr: "synack: new: no template 'listen-queues'; 'synack new --list' lists them\n" });
    expect((await run(['new', '--bogus'])).status).toBe(2);
    expect((await run(['new', '-o'])).status).toBe(2);
  });
});

/** `${1:client}` → `client`, `$0` → ``: the snippet as VS Code inserts it when the user just tabs through. */
function expand(body: string[]): string {
  return body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}

/** Each participant's (by position) states, repeats collapsed: CLOSED, SYN-SENT, ESTABLISHED… */
function statePaths(text: string): string[][] {
  const { analysis } = analyzeText(text);
  expect(analysis.diagnostics).toEqual([]);
  return analysis.participants.map((p) => {
    const path = [p.initialState as string];
    for (const step of analysis.steps) if (step.states[p.name] !== path.at(-1)) path.push(step.states[p.name]);
    return path;
  });
}

describe('the VS Code snippets agree with the templates', () => {
  const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets/tcpflow.json'), 'utf8')) as Record<string, { body: string[] }>;
  const PAIRS: Array<[string, string]> = [
    ['Three-way handshake', 'handshake'], ['Four-way close', 'close'], ['Connection refused', 'refused'], ['Simultaneous open', 'simultaneous-open'],
  ];
  it.each(PAIRS)('%s: each participant goes through the states of the %s template (a snippet may start later)', (snippet, template) => {
    const fromSnippet = statePaths(expand(snippets[snippet].body));
    const fromTemplate = statePaths(example(template));
    expect(fromSnippet).toHaveLength(fromTemplate.length);
    fromSnippet.forEach((path, i) => {
      // A snippet that starts ESTABLISHED skips the handshake: its path is the template's end.
      expect(fromTemplate[i].slice(fromTemplate[i].length - path.length)).toEqual(path);
    });
  });
});
