/**
 * Help as a learner meets it: `--help`/`-h` on every command (the same text as
 * `help COMMAND`), `help` and `--help` list every command, `help language` prints
 * docs/language.md, `--version` the package's version; unknown commands and topics
 * are one line and exit 2.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/bundle-lock.js';
import { cliRunner, type RunCli } from './run-cli.js';

const COMMANDS = ['check', 'explain', 'new', 'export', 'md', 'help'];
let run: RunCli;

beforeAll(() => {
  ({ run } = cliRunner());
});

describe('help', () => {
  it('`help` and `--help` list every command with one line, on stdout, exit 0', async () => {
    for (const args of [['help'], ['--help'], ['-h']]) {
      const r = await run(args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stderr).toBe('');
      for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  synack ${c}\\b`, 'm'));
      for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c} +\\S`, 'm'));
    }
  });

  it('no arguments: the usage on stderr, exit 2', async () => {
    const r = await run([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('synack check [--json] [--profile rfc9293|linux] FILE…');
  });

  it.each(COMMANDS.filter((c) => c !== 'help'))('%s --help, %s -h and help %s: its usage and options, exit 0', async (command) => {
    const viaHelp = await run(['help', command]);
    expect(viaHelp.status).toBe(0);
    expect(viaHelp.stdout).toMatch(new RegExp(`^usage: synack ${command} `));
    expect(viaHelp.stdout).toContain('Options:');
    expect(viaHelp.stdout).toContain('Exit codes: 0');
    for (const flag of ['--help', '-h']) {
      const r = await run([command, flag]);
      expect(r.status, `${command} ${flag}`).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(viaHelp.stdout);
    }
    // After other arguments too: `check x.tcpflow --help` helps, it does not check.
    expect((await run([command, 'whatever.tcpflow', '--help'])).stdout).toBe(viaHelp.stdout);
  });

  it('help help', async () => {
    const r = await run(['help', 'help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: synack help \[COMMAND \| language\]/);
  });

  it('help language prints docs/language.md, bundled into the CLI', async () => {
    const r = await run(['help', 'language']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'docs/language.md'), 'utf8'));
  });

  it('--version is the package version', async () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    const r = await run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`synack ${version}\n`);
  });

  it('an unknown command or topic: one line on stderr, exit 2', async () => {
    const command = await run(['chek', 'x.tcpflow']);
    expect(command.status).toBe(2);
    expect(command.stderr).toBe("synack: unknown command 'chek'; 'synack help' lists the commands\n");
    const topic = await run(['help', 'grammar']);
    expect(topic.status).toBe(2);
    expect(topic.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(topic.stderr).toContain("no command or topic 'grammar'");
  });

  it('speaks Chinese with LANG=zh_CN.UTF-8', async () => {
    const r = await run(['check', '--help'], { LANG: 'zh_CN.UTF-8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^用法：synack check/);
    expect(r.stdout).toContain('退出码');
  });

  it('--lang, which every command takes, is in `help` and in every command\'s help, in both languages', async () => {
    for (const args of [['help'], ...COMMANDS.filter((c) => c !== 'help').map((c) => [c, '--help'])]) {
      const en = await run(args);
      expect(en.stdout, args.join(' ')).toMatch(/^ {2}--lang L +the language of the messages: en or zh-CN/m);
      const zh = await run(args, { LANG: 'zh_CN.UTF-8' });
      expect(zh.stdout, args.join(' ')).toMatch(/^ {2}--lang L +消息使用的语言：en 或 zh-CN/m);
    }
  });
});
