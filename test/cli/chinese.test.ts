/**
 * The built CLI in Chinese: with LANG=zh_CN.UTF-8 (or --lang zh-CN, which wins over LANG)
 * `check` and `explain` speak Simplified Chinese; state names, flags and RFC sections
 * stay as written. An unknown --lang is a one-line usage error.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/bundle-lock.js';
import { cliRunner, type RunCli } from './run-cli.js';

let dir: string;
let run: RunCli;

beforeAll(() => {
  ({ dir, run } = cliRunner());
  copyFileSync(join(ROOT, 'examples', 'three-way-handshake.tcpflow'), join(dir, 'hs.tcpflow'));
  writeFileSync(join(dir, '客户端.tcpflow'), 'participant 客户端\nparticipant 服务器 starts LISTEN\n客户端 -> 服务器 : SYN seq=J\nexpect 客户端 SYN-SENT, 服务器 SYN-RECEIVED\n');
});

const ZH = { LANG: 'zh_CN.UTF-8' };

describe('LANG=zh_CN.UTF-8', () => {
  it('explain labels every fact and describes calls in Chinese, keeping states and RFC sections', async () => {
    const { status: code, stdout } = await run(['explain', 'hs.tcpflow'], ZH);
    expect(code).toBe(0);
    expect(stdout).toContain('状态:');
    expect(stdout).toContain('被动打开（RFC 9293 §3.10.1）：CLOSED → LISTEN');
    expect(stdout).toMatch(/ESTABLISHED/);
    expect(stdout).not.toContain('Passive OPEN');
  });

  it('check reports a missing file in Chinese', async () => {
    const { status: code, stderr } = await run(['check', 'missing.tcpflow'], ZH);
    expect(code).not.toBe(0);
    expect(stderr).toContain('missing.tcpflow：文件不存在');
  });

  it('a scenario with Chinese names checks and explains', async () => {
    expect((await run(['check', '客户端.tcpflow'], ZH)).status).toBe(0);
    const { stdout } = await run(['explain', '客户端.tcpflow'], ZH);
    expect(stdout).toContain('客户端 CLOSED → SYN-SENT, 服务器 LISTEN → SYN-RECEIVED');
  });
});

describe('--lang', () => {
  it('--lang zh-CN wins over LANG=en_US, anywhere on the line; --lang=en over LANG=zh_CN', async () => {
    const zh = await run(['explain', '--lang', 'zh-CN', 'hs.tcpflow'], { LANG: 'en_US.UTF-8' });
    expect(zh.stdout).toContain('被动打开');
    const en = await run(['--lang=en', 'explain', 'hs.tcpflow'], ZH);
    expect(en.stdout).toContain('Passive OPEN (RFC 9293 §3.10.1)');
    expect(en.stdout).not.toContain('被动打开');
  });

  it('an unknown language is a one-line usage error (exit 2)', async () => {
    const { status: code, stdout, stderr } = await run(['--lang', 'fr', 'check', 'hs.tcpflow']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain("--lang: 'fr' is not a language");
  });
});
