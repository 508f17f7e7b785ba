/**
 * The eleven TCP states of RFC 9293 §3.3.2, and how source text may spell them.
 */
import { localized } from '../i18n/catalogue.js';
import { stateDescriptions } from '../i18n/messages/describe.js';

export const TCP_STATES = [
  'CLOSED', 'LISTEN', 'SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED',
  'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT',
] as const;

export type TcpState = (typeof TCP_STATES)[number];

/** States in which both sequence spaces are known: RFC 9293 §3.10.7.4's "otherwise" group. */
export function isSynchronized(state: TcpState): boolean {
  return state !== 'CLOSED' && state !== 'LISTEN' && state !== 'SYN-SENT';
}

/** Linux/netstat spelling of each state (`ss`, `netstat`, `/proc/net/tcp`). */
export const LINUX_STATE_NAMES: Record<TcpState, string> = {
  'CLOSED': 'CLOSE',
  'LISTEN': 'LISTEN',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECEIVED': 'SYN_RECV',
  'ESTABLISHED': 'ESTABLISHED',
  'FIN-WAIT-1': 'FIN_WAIT1',
  'FIN-WAIT-2': 'FIN_WAIT2',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  'CLOSING': 'CLOSING',
  'LAST-ACK': 'LAST_ACK',
  'TIME-WAIT': 'TIME_WAIT',
};

export type StateNameStyle = 'rfc' | 'linux';

export function formatState(state: TcpState, style: StateNameStyle = 'rfc'): string {
  return style === 'linux' ? LINUX_STATE_NAMES[state] : state;
}

/** Folds case and separators: `fin_wait_1`, `FIN-WAIT1` and `Fin Wait 1` all become `FINWAIT1`. */
function fold(text: string): string {
  return text.toUpperCase().replace(/[-_\s]/g, '');
}

/** Accepted spellings, folded: the RFC's, netstat's and Linux's, BSD's (`SYN_RCVD`). */
const ACCEPTED: Record<string, TcpState> = {
  CLOSED: 'CLOSED', CLOSE: 'CLOSED',
  LISTEN: 'LISTEN',
  SYNSENT: 'SYN-SENT',
  SYNRECEIVED: 'SYN-RECEIVED', SYNRECV: 'SYN-RECEIVED', SYNRCVD: 'SYN-RECEIVED',
  ESTABLISHED: 'ESTABLISHED',
  FINWAIT1: 'FIN-WAIT-1',
  FINWAIT2: 'FIN-WAIT-2',
  CLOSEWAIT: 'CLOSE-WAIT',
  CLOSING: 'CLOSING',
  LASTACK: 'LAST-ACK',
  TIMEWAIT: 'TIME-WAIT',
};

/** Spellings seen in tutorials that clearly mean one state but are not its name. */
const MISSPELT: Record<string, TcpState> = {
  SYNSEND: 'SYN-SENT', SYNCSENT: 'SYN-SENT', SYNCSEND: 'SYN-SENT',
  SYNRCV: 'SYN-RECEIVED', SYNCRCVD: 'SYN-RECEIVED', SYNCRECEIVED: 'SYN-RECEIVED', SYNRECIEVED: 'SYN-RECEIVED',
  SYNRECEIVE: 'SYN-RECEIVED', SYNCRECV: 'SYN-RECEIVED', SYNRECD: 'SYN-RECEIVED',
  ESTABLISH: 'ESTABLISHED', ESTABLISED: 'ESTABLISHED', ESTABLISHD: 'ESTABLISHED', ESTABILISHED: 'ESTABLISHED', ESTAB: 'ESTABLISHED',
  FINWAITONE: 'FIN-WAIT-1', FINWAITTWO: 'FIN-WAIT-2',
  CLOSEDWAIT: 'CLOSE-WAIT', CLOSWAIT: 'CLOSE-WAIT',
  LASTACKED: 'LAST-ACK',
  TIMEDWAIT: 'TIME-WAIT', TIMWAIT: 'TIME-WAIT',
  CLOSSING: 'CLOSING', LISTENING: 'LISTEN', LISTENED: 'LISTEN',
};

export type StateSpelling =
  | { kind: 'exact'; state: TcpState }
  | { kind: 'misspelt'; state: TcpState }
  | { kind: 'unknown' };

/** Reads a state name as written in a source file. */
export function readStateName(text: string): StateSpelling {
  const folded = fold(text);
  const accepted = ACCEPTED[folded];
  if (accepted) return { kind: 'exact', state: accepted };
  const misspelt = MISSPELT[folded];
  if (misspelt) return { kind: 'misspelt', state: misspelt };
  return { kind: 'unknown' };
}

/** What each state means and how it is left, in the active locale (i18n/messages/describe.ts): for hovers and the docs. */
export const STATE_DESCRIPTIONS: Readonly<Record<TcpState, string>> = localized(stateDescriptions);


/**
 * The state a name that reads as none most likely means: the fewest edits (insert,
 * delete or change a letter) from its folded spelling to an accepted or known-misspelt
 * one, if that is at most a third of its length (at least 2); the first of a tie.
 */
export function nearestState(text: string): TcpState | undefined {
  const folded = fold(text);
  if (folded.length === 0 || folded.length > 40) return undefined;
  let best: { state: TcpState; distance: number } | undefined;
  for (const [spelling, state] of [...Object.entries(ACCEPTED), ...Object.entries(MISSPELT)]) {
    const distance = editDistance(folded, spelling);
    if (!best || distance < best.distance) best = { state, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(folded.length / 3)) ? best.state : undefined;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}
