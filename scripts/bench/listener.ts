/**
 * A listener with 1,000 clients (issue 12), timed in process: each client's handshake,
 * the `accept` that takes it, one request and its ACK. Side by side, in the same run,
 * the one-connection generated scenario of as many events, so the cost per event of
 * a listener's connections can be read against the ordinary case.
 */
import { generateScenario } from '../../server/src/bench/generate-scenario.js';
import { analyzeText } from '../../server/src/language/analyze.js';
import { median, ms, percentile } from './stats.js';

export const LISTENER_SECTION = 'A listener with 1,000 connections';

/** `clients` clients connect to one listener, are accepted in turn and send one request each: 6 event lines a client. */
export function generateListenerScenario(clients: number): string {
  const lines = ['scenario "Generated: one listener, many clients"', 'participant server as "Server"', `server: listen backlog=${clients}`];
  for (let i = 1; i <= clients; i++) {
    const c = `c${i}`;
    const isn = i * 1_000;
    const server = 5_000_000 + i * 1_000;
    lines.push(
      `${c} -> server : SYN seq=${isn}`,
      `server -> ${c} : SYN ACK seq=${server} ack=${isn + 1}`,
      `${c} -> server : ACK seq=${isn + 1} ack=${server + 1}`,
      `server: accept -> ${c}`,
      `${c} -> server : PSH ACK seq=${isn + 1} ack=${server + 1} len=100`,
      `server -> ${c} : ACK seq=${server + 1} ack=${isn + 101}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface ListenerTiming {
  readonly clients: number;
  readonly events: number;
  readonly listenerMedianMs: number;
  readonly listenerP95Ms: number;
  readonly oneConnectionMedianMs: number;
  readonly runs: number;
}

function time(text: string, runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const result = analyzeText(text);
    times.push(performance.now() - t0);
    if (result.analysis.diagnostics.length > 0) throw new Error(`generated scenario has diagnostics: ${result.analysis.diagnostics[0].message}`);
  }
  return times;
}

/** `runs` is small: at 1,000 clients one check takes tens of seconds (see the section's last sentence). */
export function measureListener(clients = 1_000, runs = 3): ListenerTiming {
  const listener = generateListenerScenario(clients);
  const events = clients * 6 + 1;
  const one = generateScenario(events);
  time(listener, 1); // warm up
  time(one, 3);
  // Alternated, so both see the same load.
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(...time(listener, 1));
    b.push(...time(one, 1));
  }
  return { clients, events, listenerMedianMs: median(a), listenerP95Ms: percentile(a, 0.95), oneConnectionMedianMs: median(b), runs };
}

export function listenerSectionLines(t: ListenerTiming): string[] {
  return [
    `## ${LISTENER_SECTION}`, '',
    `One listener, ${t.clients.toLocaleString('en')} clients: each one's handshake, \`accept\`, a request and its ACK (${t.events.toLocaleString('en')} event lines; scripts/bench/listener.ts), checked in process; beside it the one-connection generated scenario of as many events, alternated in one run (${t.runs} runs each).`, '',
    '| scenario | events | median ms | p95 ms |', '|---|---:|---:|---:|',
    `| one listener, ${t.clients.toLocaleString('en')} connections | ${t.events.toLocaleString('en')} | ${ms(t.listenerMedianMs)} | ${ms(t.listenerP95Ms)} |`,
    `| one connection | ${t.events.toLocaleString('en')} | ${ms(t.oneConnectionMedianMs)} | |`, '',
    `The listener's scenario costs ${(t.listenerMedianMs / t.oneConnectionMedianMs).toFixed(0)}× the one-connection one: the engine's step records the state of every endpoint on every line and compares every TCB with its state before the line (engine/run.ts runEvent), ${(t.clients * 2 + 1).toLocaleString('en')} endpoints here, so the cost grows with connections × lines. Keeping only what a line changed is the fix; it is not made yet.`, '',
  ];
}
