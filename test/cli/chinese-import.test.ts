/**
 * `import` in Chinese through the built CLI (issue 14): its help, usage line, usage
 * errors and capture errors are Simplified Chinese under `--lang zh-CN`, options and
 * file names kept as written; the same runs in English are the control. Also the rule
 * the linux profile cites for a connection reset in the accept queue, which is words
 * (not only a section number) and so is said in the run's language too.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROGRAM_NAME } from '../../server/src/cli/program.js';
import { RESET_BEFORE_ACCEPT } from './reset-before-accept.js';
import { cliRunner, type RunCli } from './run-cli.js';

const CJK = /[\u4e00-\u9fff]/;
const ZH = ['--lang', 'zh-CN'];

let run: RunCli;

beforeAll(() => {
  const runner = cliRunner();
  run = runner.run;
  writeFileSync(join(runner.dir, 'junk.pcap'), 'this is text, not a capture\n');
  writeFileSync(join(runner.dir, 'reset.tcpflow'), `profile linux\n${RESET_BEFORE_ACCEPT}`);
});

/** The non-empty lines of an output. */
const lines = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '');

describe('import --lang zh-CN', () => {
  it('--help: the usage line and every line about the command and its options are Chinese', async () => {
    const { status, stdout } = await run(['import', '--help', ...ZH]);
    expect(status).toBe(0);
    expect(stdout).toContain(`用法：${PROGRAM_NAME} import FILE`);
    expect(stdout).toContain('抓包文件');
    // The options block: each option keeps its name and is explained in Chinese.
    const options = lines(stdout).filter((line) => /^ {2}--?[a-z]/.test(line));
    expect(options.length).toBeGreaterThan(8);
    expect(options.filter((line) => !CJK.test(line))).toEqual([]);
  });

  it('a usage error is Chinese on both of its lines, the option as written (exit 2)', async () => {
    const { status, stdout, stderr } = await run(['import', 'junk.pcap', '--conn', 'one', ...ZH]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    const [problem, usage, ...more] = lines(stderr);
    expect(problem).toBe(`${PROGRAM_NAME}: import：--conn 需要 --list 列出的连接编号（1、2、…），而不是 'one'`);
    expect(usage).toMatch(new RegExp(`^用法：${PROGRAM_NAME} import FILE `));
    expect(more).toEqual([]);
  });

  it('--profile with a value it does not take names the choices in Chinese', async () => {
    const { status, stderr } = await run(['import', 'junk.pcap', '--profile', 'bsd', ...ZH]);
    expect(status).toBe(2);
    expect(lines(stderr)[0]).toBe(`${PROGRAM_NAME}: import：--profile 的取值为 rfc9293 或 linux`);
  });

  it('a file that is no capture is one Chinese line (exit 2)', async () => {
    const { status, stdout, stderr } = await run(['import', 'junk.pcap', ...ZH]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(lines(stderr)).toEqual([`${PROGRAM_NAME}: junk.pcap：不是抓包文件（既不是 pcap 也不是 pcapng），也不是 packetdrill 脚本（.pkt）`]);
  });
});

describe('import in English (the control)', () => {
  it('--help, a usage error and a file that is no capture are English', async () => {
    const help = await run(['import', '--help']);
    expect(help.stdout).toContain(`usage: ${PROGRAM_NAME} import FILE`);
    expect(help.stdout).not.toMatch(CJK);
    const usage = await run(['import', 'junk.pcap', '--conn', 'one']);
    expect(usage.status).toBe(2);
    expect(lines(usage.stderr)[0]).toBe(`${PROGRAM_NAME}: import: --conn takes a connection number from --list (1, 2, …), not 'one'`);
    expect(lines(usage.stderr)[1]).toMatch(new RegExp(`^usage: ${PROGRAM_NAME} import FILE `));
    const profile = await run(['import', 'junk.pcap', '--profile', 'bsd']);
    expect(lines(profile.stderr)[0]).toBe(`${PROGRAM_NAME}: import: --profile takes rfc9293 or linux`);
    const junk = await run(['import', 'junk.pcap']);
    expect(junk.stderr).toContain('junk.pcap: not a packet capture');
    expect(junk.stderr).not.toMatch(CJK);
  });
});

describe('the linux accept queue rule', () => {
  it('is cited in Chinese under zh-CN and in English otherwise', async () => {
    const zh = await run(['explain', 'reset.tcpflow', ...ZH]);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('(Linux 全连接队列（accept 队列，RFC 9293 §3.10.7.4）)');
    expect(zh.stdout).not.toContain('Linux accept queue');
    const en = await run(['explain', 'reset.tcpflow']);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('(Linux accept queue (RFC 9293 §3.10.7.4))');
    expect(en.stdout).not.toMatch(CJK);
  });
});
