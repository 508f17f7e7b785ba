/**
 * A listener's queues in the diagram (issue 12 item 2, issue 15 item 2): one short note
 * over the server's lifeline on each line that changes them, with their contents after
 * that line; long queues are cut so the note stays on one line.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateMermaid, type MermaidOptions } from '../../server/src/diagram/mermaid.js';
import { readStatePlan } from '../../server/src/diagram/state-plan.js';
import { lastQueueEffects, queueNoteText } from '../../server/src/diagram/queue-note.js';
import { analyzeText } from '../../server/src/language/analyze.js';
import { setLocale } from '../../server/src/i18n/catalogue.js';
import { dedent } from '../support/analyze.js';

afterEach(() => setLocale('en'));

function lines(source: string, options: MermaidOptions = {}): string[] {
  const { scenario, analysis } = analyzeText(source);
  return generateMermaid(scenario, analysis, options).text.split('\n');
}

const twoClients = dedent(`
  server: listen backlog=2
  c1 -> server : SYN seq=100
  c2 -> server : SYN seq=500
  server -> c1 : SYN ACK seq=300 ack=101
  server -> c2 : SYN ACK seq=700 ack=501
  c1 -> server : ACK seq=101 ack=301
  server: accept
`);

const queueNotes = (all: string[]) => all.filter((l) => l.includes('queue:'));

describe('queue notes on the listener', () => {
  it('shows the queues after each line that changes them, over the server, in order', () => {
    expect(queueNotes(lines(twoClients))).toEqual([
      'Note over server: SYN queue: c1 #183; accept queue: #8211;',
      'Note over server: SYN queue: c1, c2 #183; accept queue: #8211;',
      'Note over server: SYN queue: c2 #183; accept queue: c1',
      'Note over server: SYN queue: c2 #183; accept queue: #8211;',
    ]);
  });

  it('puts each note right after the line that changed the queue', () => {
    const all = lines(twoClients);
    const ack = all.indexOf('c1->>server: ACK seq=101 ack=301');
    const note = all.indexOf('Note over server: SYN queue: c2 #183; accept queue: c1');
    expect(ack).toBeGreaterThan(0);
    expect(note).toBeGreaterThan(ack);
    // Between them only that line's own notes, no other arrow.
    expect(all.slice(ack + 1, note).every((l) => l.startsWith('Note '))).toBe(true);
  });

  it('names the server connection in its state labels (and notes) and leaves the arrows as written', () => {
    const all = lines(twoClients);
    const labels = readStatePlan(all.join('\n')).filter((l) => l.participant === 'server').map((l) => l.text);
    expect(labels).toContain('server↔c1 SYN-RECEIVED');
    expect(labels).toContain('server↔c2 SYN-RECEIVED');
    expect(all).toContain('server->>c2: SYN,ACK seq=700 ack=501');
    const noted = lines(twoClients, { states: 'notes' });
    expect(noted).toContain('Note left of server: server#8596;c1 SYN-RECEIVED');
    expect(noted).toContain('Note left of server: server#8596;c2 SYN-RECEIVED');
  });

  it('names four peers of a long queue and counts the rest, on one line', () => {
    const clients = ['a', 'b', 'c', 'd', 'e', 'f'];
    const source = ['server: listen backlog=10', ...clients.map((c, i) => `${c} -> server : SYN seq=${100 * (i + 1)}`)].join('\n');
    const last = queueNotes(lines(source)).at(-1);
    expect(last).toBe('Note over server: SYN queue: a, b, c, d +2 more #183; accept queue: #8211;');
    expect(last).not.toContain('<br>');
  });

  it('speaks Chinese with the catalogue', () => {
    setLocale('zh-CN');
    expect(queueNotes(lines(twoClients)).length).toBe(0); // the Chinese note has no English "queue:"
    const notes = lines(twoClients).filter((l) => l.includes('全连接队列'));
    expect(notes[0]).toBe('Note over server: 半连接队列#65306;c1 #183; 全连接队列#65306;空'); // ：is escaped like every colon
    expect(notes).toHaveLength(4);
  });

  it('draws no queue note for a one-connection scenario', () => {
    const one = lines(dedent(`
      server: listen
      client -> server : SYN seq=100
      server -> client : SYN ACK seq=300 ack=101
      client -> server : ACK seq=101 ack=301
    `));
    expect(one.some((l) => /queue/i.test(l))).toBe(false);
  });
});

describe('queueNoteText and lastQueueEffects', () => {
  it('keeps only the last queue contents of each listener on a line, and every other effect', () => {
    const effects = [
      { participant: 's', text: 'first', queues: { syn: ['a'], accept: [] } },
      { participant: 's', text: 'accept() returns the connection with a' },
      { participant: 's', text: 'second', queues: { syn: [], accept: ['a'] } },
      { participant: 't', text: 'other', queues: { syn: ['b'], accept: [] } },
    ];
    expect(lastQueueEffects(effects).map((e) => e.text)).toEqual(['accept() returns the connection with a', 'second', 'other']);
  });

  it('names exactly four peers before counting', () => {
    expect(queueNoteText({ syn: ['a', 'b', 'c', 'd'], accept: ['e'] })).toBe('SYN queue: a, b, c, d · accept queue: e');
    expect(queueNoteText({ syn: ['a', 'b', 'c', 'd', 'e'], accept: [] })).toBe('SYN queue: a, b, c, d +1 more · accept queue: –');
  });
});
