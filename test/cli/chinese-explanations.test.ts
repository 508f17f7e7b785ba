/**
 * Every sentence the engine writes is Chinese under zh-CN, through the built CLI: `synack
 * explain --lang zh-CN` over every example and three scenarios that walk through many
 * more rules (challenge ACK, out-of-order data, refusals, timeouts, a simultaneous
 * open, abort and crash, mistakes of each kind). Each rule line, reply owed, socket
 * result and diagnostic must contain Chinese; an English sentence left in the engine
 * fails here, naming the line. The same run in English is the control: the facts are
 * there, and they are English.
 */
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/bundle-lock.js';
import { cliRunner, type RunCli } from './run-cli.js';

const TOUR: Record<string, string> = {
  'tour-synchronized.tcpflow': `scenario "challenge ACK, out-of-order data, RST, keep-alive, abort"
participant client
participant server starts LISTEN
client -> server : SYN seq=100
server -> client : SYN ACK seq=300 ack=101
client -> server : ACK seq=101 ack=301
client -> server : SYN seq=50
server -> client : ACK seq=301 ack=101
client -> server : ACK seq=111 ack=301 len=10
server -> client : ACK seq=301 ack=101
client -> server : RST seq=105
server -> client : ACK seq=301 ack=101
client -> server : ACK seq=101 ack=301 len=10
server -> client : ACK seq=301 ack=121
server: timeout KEEPALIVE
server -> client : ACK seq=300 ack=121
client -> server : ACK seq=121 ack=301
client: abort
client -> server : RST seq=121
`,
  'tour-refusals.tcpflow': `participant client
participant server
client -> server : SYN seq=J
server -> client : RST ACK seq=0 ack=J+1
client: connect
server: listen
server: send
client -> server : FIN ACK seq=J ack=K
server -x client : ACK
deliver nothing
expect client ESTABLISHED
client: timeout 2MSL
server: crash
`,
  'tour-simultaneous.tcpflow': `participant a
participant b
a: connect
b: connect
a -> b : SYN seq=x
b -> a : SYN seq=y
a -> b : SYN ACK seq=x ack=y+1
b -> a : SYN ACK seq=y ack=x+1
a: write len=5
a -> b : ACK len=5
b: read
a: close
b: close
a -> b : FIN ACK
b -> a : FIN ACK
a -> b : ACK
b -> a : ACK
a: timeout 2MSL
b: timeout 2MSL
`,
};

const CJK = /[\u4e00-\u9fff]/;
let dir: string;
let run: RunCli;
const files: string[] = [];

beforeAll(() => {
  ({ dir, run } = cliRunner());
  for (const folder of ['examples', 'examples/mistakes']) {
    for (const name of readdirSync(join(ROOT, folder)).filter((n) => n.endsWith('.tcpflow'))) {
      const copy = `${folder.replace('/', '-')}-${name}`;
      copyFileSync(join(ROOT, folder, name), join(dir, copy));
      files.push(copy);
    }
  }
  for (const [name, text] of Object.entries(TOUR)) {
    writeFileSync(join(dir, name), text);
    files.push(name);
  }
});

/** The engine's sentences in explain's output: rule, owed reply, socket result and diagnostic lines (labels as printed in each language). */
function sentences(output: string, labels: { rule: string; owes: string; socket: string }): { kind: string; text: string }[] {
  const found: { kind: string; text: string }[] = [];
  for (const line of output.split('\n')) {
    const fact = new RegExp(`^ +(${labels.rule}|${labels.owes}|${labels.socket}): +(.*)$`).exec(line);
    // `participant: text (RFC …)` or `participant owes …`; the part after the participant is the engine's.
    if (fact) {
      const text = fact[2].replace(/ \((RFC|Linux)[^()]*\)$/, '');
      // A reply owed reads `NAME owes REPLY: reason` (`NAME 应回复 REPLY：reason`): the reason is the engine's sentence.
      found.push({ kind: fact[1], text: fact[1] === labels.owes ? text.slice(text.search(/：|: /) + 1) : text.replace(/^[\p{ID_Continue}-]+: /u, '') });
    }
    const diagnostic = /^ +(?:error|warning|info|错误|警告|提示) [a-z-]+: (.*)$/.exec(line);
    if (diagnostic) found.push({ kind: 'diagnostic', text: diagnostic[1] });
  }
  return found;
}

describe('explain --lang zh-CN', () => {
  it('writes every rule, reply owed, socket result and diagnostic of the examples and the tour in Chinese', async () => {
    const { stdout, stderr } = await run(['explain', '--lang', 'zh-CN', ...files]);
    expect(stderr).toBe('');
    const found = sentences(stdout, { rule: '规则', owes: '应回复', socket: '套接字' });
    // Not vacuous: the run printed the engine's sentences of every kind.
    for (const kind of ['规则', '应回复', '套接字', 'diagnostic']) expect(found.filter((f) => f.kind === kind).length, kind).toBeGreaterThan(5);
    expect(found.length).toBeGreaterThan(150);
    const english = found.filter((f) => !CJK.test(f.text)).map((f) => `${f.kind}: ${f.text}`);
    expect(english).toEqual([]);
    // The severity in front of a diagnostic is a word too; its code stays as written.
    expect(stdout).toMatch(/^ +错误 bad-ack: /m);
    expect(stdout).not.toMatch(/^ +(error|warning|info) [a-z-]+: /m);
  });

  it('the control: in English the same facts are there, and they are English', async () => {
    const { stdout } = await run(['explain', ...files]);
    const found = sentences(stdout, { rule: 'rule', owes: 'owes', socket: 'socket' });
    expect(found.length).toBeGreaterThan(150);
    expect(found.filter((f) => CJK.test(f.text))).toEqual([]);
  });
});
