/**
 * A tiny model of one correct connection, used to generate valid scenarios: it
 * tracks each side's SND.NXT and RCV.NXT as the lines are written, so every seq and
 * ack it prints is what RFC 9293 says the sender puts there. Independent of the
 * engine on purpose: the property tests check that the engine agrees with it.
 */
import fc from 'fast-check';

export type Side = 'c' | 's';

/** An ISN: a symbol (`J`, `ISN_s`) or a 32-bit number. */
export type Isn = { symbol: string } | { number: number };

/**
 * One data segment: delivered now, lost and retransmitted after RTO, or overtaken by a
 * second segment (sent in flight, the next one arrives first, then it is delivered).
 */
export interface DataStep {
  from: Side; length: number; ackAfter: boolean; omitSeq: boolean; omitAck: boolean;
  mode: 'normal' | 'lost' | 'reordered'; secondLength: number;
}

export type CloseVariant =
  | 'client-first' | 'server-first' | 'piggybacked' | 'simultaneous' | 'abort' | 'half-close'
  | 'none';

export interface ScenarioSpec {
  clientIsn: Isn;
  serverIsn: Isn;
  explicitCalls: boolean;
  omitHandshakeFields: boolean;
  data: DataStep[];
  close: CloseVariant;
  /** Lengths of the data the server sends after a half-close. */
  halfCloseData: number;
}

const MOD = 2 ** 32;

class Counter {
  constructor(readonly isn: Isn, public offset = 0) {}
  text(extra = 0): string {
    const off = this.offset + extra;
    if ('number' in this.isn) return String((((this.isn.number + off) % MOD) + MOD) % MOD);
    return off === 0 ? this.isn.symbol : `${this.isn.symbol}+${off}`;
  }
}

/** Builds the scenario text and the final states the RFC gives for it. */
export function buildScenario(spec: ScenarioSpec): { text: string; final: Record<Side, string>; expects: number } {
  const lines: string[] = ['scenario "generated"', 'participant c as "Client"', 'participant s as "Server"'];
  // snd[x]: x's SND.NXT; the peer's RCV.NXT is the same counter once synchronized.
  const snd: Record<Side, Counter> = { c: new Counter(spec.clientIsn), s: new Counter(spec.serverIsn) };
  const other = (x: Side): Side => (x === 'c' ? 's' : 'c');
  let expects = 0;
  const expect = (c: string, s: string) => { lines.push(`expect c ${c}, s ${s}`); expects++; };
  const seg = (from: Side, flags: string, opts: { len?: number; omitSeq?: boolean; omitAck?: boolean; arrow?: string; tag?: string } = {}) => {
    const parts = [`${from} ${opts.arrow ?? '->'} ${other(from)} : ${flags}`];
    if (!opts.omitSeq) parts.push(`seq=${snd[from].text()}`);
    if (flags.includes('ACK') && !opts.omitAck) parts.push(`ack=${snd[other(from)].text()}`);
    if (opts.len) parts.push(`len=${opts.len}`);
    if (opts.tag) parts.push(`as ${opts.tag}`);
    lines.push(parts.join(' '));
    snd[from].offset += (opts.len ?? 0) + (flags.includes('SYN') ? 1 : 0) + (flags.includes('FIN') ? 1 : 0);
  };

  // Handshake.
  lines.push('s: listen');
  if (spec.explicitCalls) lines.push('s: accept', 'c: connect');
  // A SYN's seq may be omitted only when its ISN is symbolic (the engine then picks a fresh symbol).
  const omit = spec.omitHandshakeFields;
  seg('c', 'SYN', { omitSeq: omit && 'symbol' in spec.clientIsn && spec.clientIsn.symbol === 'J' });
  // The engine names an omitted ISN with the first of J, K, x, y not used yet.
  const fresh = ['J', 'K', 'x', 'y'].find((n) => !('symbol' in spec.clientIsn && spec.clientIsn.symbol === n));
  seg('s', 'SYN ACK', { omitSeq: omit && 'symbol' in spec.serverIsn && spec.serverIsn.symbol === fresh, omitAck: omit });
  seg('c', 'ACK', { omitSeq: omit, omitAck: omit });
  expect('ESTABLISHED', 'ESTABLISHED');

  let tags = 0;
  for (const d of spec.data) {
    const opts = { len: d.length, omitSeq: d.omitSeq, omitAck: d.omitAck };
    if (d.mode === 'lost') {
      seg(d.from, 'PSH ACK', { ...opts, arrow: '-x' });
      lines.push(`${d.from}: timeout RTO`);
      snd[d.from].offset -= d.length;
      // The retransmission must say where it starts: seq is written.
      seg(d.from, 'PSH ACK', { ...opts, omitSeq: false });
    } else if (d.mode === 'reordered') {
      const tag = `t${++tags}`;
      seg(d.from, 'PSH ACK', { ...opts, arrow: '~>', tag });
      seg(d.from, 'PSH ACK', { ...opts, len: d.secondLength });
      lines.push(`deliver ${tag}`);
    } else {
      seg(d.from, 'PSH ACK', opts);
    }
    if (d.ackAfter) seg(other(d.from), 'ACK', { omitSeq: d.omitSeq, omitAck: d.omitAck });
  }
  expect('ESTABLISHED', 'ESTABLISHED');

  switch (spec.close) {
    case 'none':
      return { text: lines.join('\n') + '\n', final: { c: 'ESTABLISHED', s: 'ESTABLISHED' }, expects };
    case 'client-first':
    case 'server-first': {
      const a: Side = spec.close === 'client-first' ? 'c' : 's';
      const b = other(a);
      lines.push(`${a}: close`);
      seg(a, 'FIN ACK');
      seg(b, 'ACK');
      lines.push(`${b}: close`);
      seg(b, 'FIN ACK');
      seg(a, 'ACK');
      const st = (x: Side, v: string) => (x === a ? v : '');
      expect(st('c', 'TIME-WAIT') || 'CLOSED', st('s', 'TIME-WAIT') || 'CLOSED');
      lines.push(`${a}: timeout 2MSL`);
      return { text: lines.join('\n') + '\n', final: { c: 'CLOSED', s: 'CLOSED' }, expects };
    }
    case 'piggybacked':
      lines.push('c: close');
      seg('c', 'FIN ACK');
      lines.push('s: close');
      seg('s', 'FIN ACK');
      expect('TIME-WAIT', 'LAST-ACK');
      seg('c', 'ACK');
      return { text: lines.join('\n') + '\n', final: { c: 'TIME-WAIT', s: 'CLOSED' }, expects };
    case 'simultaneous': {
      lines.push('c: close', 's: close');
      // Both FINs carry the ack of what each had received before the other's FIN.
      const cSeq = snd.c.text(); const cAck = snd.s.text();
      const sSeq = snd.s.text(); const sAck = snd.c.text();
      lines.push(`c ~> s : FIN ACK seq=${cSeq} ack=${cAck} as finC`);
      lines.push(`s -> c : FIN ACK seq=${sSeq} ack=${sAck}`);
      lines.push('deliver finC');
      snd.c.offset += 1; snd.s.offset += 1;
      expect('CLOSING', 'CLOSING');
      seg('c', 'ACK');
      seg('s', 'ACK');
      expect('TIME-WAIT', 'TIME-WAIT');
      lines.push('c: timeout 2MSL', 's: timeout 2MSL');
      return { text: lines.join('\n') + '\n', final: { c: 'CLOSED', s: 'CLOSED' }, expects };
    }
    case 'abort':
      lines.push('c: abort');
      lines.push(`c -> s : RST seq=${snd.c.text()}`);
      return { text: lines.join('\n') + '\n', final: { c: 'CLOSED', s: 'CLOSED' }, expects };
    case 'half-close':
      lines.push('c: shutdown');
      seg('c', 'FIN ACK');
      seg('s', 'ACK');
      expect('FIN-WAIT-2', 'CLOSE-WAIT');
      if (spec.halfCloseData > 0) {
        seg('s', 'PSH ACK', { len: spec.halfCloseData });
        seg('c', 'ACK');
      }
      lines.push('s: close');
      seg('s', 'FIN ACK');
      seg('c', 'ACK');
      return { text: lines.join('\n') + '\n', final: { c: 'TIME-WAIT', s: 'CLOSED' }, expects };
  }
}

// ---- arbitraries ------------------------------------------------------------

const nearWrap = fc.integer({ min: MOD - 3000, max: MOD - 1 });
export const numericIsn: fc.Arbitrary<Isn> = fc.oneof(
  nearWrap,
  fc.constantFrom(0, 1, MOD - 1, MOD / 2, MOD / 2 - 1),
  fc.integer({ min: 0, max: MOD - 1 }),
).map((number) => ({ number }));

const symbolName = fc.oneof(
  fc.constantFrom('J', 'K', 'x', 'y', 'ISN_c', 'ISN_s', 'iss', 'x1'),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/),
);

/** Names the grammar reads as keywords (case-insensitively), not as symbols. */
const RESERVED = new Set(['as', 'starts', 'over', 'left', 'right', 'of', 'scenario', 'participant', 'deliver', 'note', 'expect']);

const isn = fc.oneof(numericIsn, symbolName.filter((s) => !RESERVED.has(s.toLowerCase())).map((symbol) => ({ symbol }) as Isn));

const dataStep: fc.Arbitrary<DataStep> = fc.record({
  from: fc.constantFrom<Side>('c', 's'),
  length: fc.oneof(fc.integer({ min: 1, max: 1460 }), fc.integer({ min: 1, max: 20000 })),
  ackAfter: fc.boolean(),
  omitSeq: fc.boolean(),
  omitAck: fc.boolean(),
  mode: fc.constantFrom<DataStep['mode']>('normal', 'normal', 'lost', 'reordered'),
  secondLength: fc.integer({ min: 1, max: 1460 }),
});

export const scenarioSpec: fc.Arbitrary<ScenarioSpec> = fc.record({
  clientIsn: isn,
  serverIsn: isn,
  explicitCalls: fc.boolean(),
  omitHandshakeFields: fc.boolean(),
  data: fc.array(dataStep, { maxLength: 12 }),
  close: fc.constantFrom<CloseVariant>('client-first', 'server-first', 'piggybacked', 'simultaneous', 'abort', 'half-close', 'none'),
  halfCloseData: fc.integer({ min: 0, max: 3000 }),
}).filter((s) => !('symbol' in s.clientIsn && 'symbol' in s.serverIsn && s.clientIsn.symbol === s.serverIsn.symbol));
