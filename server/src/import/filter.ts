/**
 * `--filter`: picking connections with a little of tcpdump's filter language, the part
 * that names a connection: `port N`, `host ADDRESS`, each optionally with `src` (the
 * client) or `dst` (the server), joined by `and`. Anything else is refused with the
 * words that were not understood, never guessed at.
 */
import { sameEndpoint, type Connection, type Endpoint } from './connections.js';

type Side = 'src' | 'dst' | 'any';
interface Term {
  readonly side: Side;
  readonly what: 'port' | 'host';
  readonly value: string;
}

export type ConnectionFilter = (connection: Connection) => boolean;

/** The filter, or the text it could not read. */
export function parseFilter(text: string): ConnectionFilter | { problem: string } {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  const terms: Term[] = [];
  let i = 0;
  while (i < words.length) {
    if (terms.length > 0) {
      if (words[i] !== 'and' && words[i] !== '&&') return { problem: words.slice(i).join(' ') };
      i++;
    }
    let side: Side = 'any';
    if (words[i] === 'src' || words[i] === 'dst') side = words[i++] as Side;
    const what = words[i];
    const value = words[i + 1];
    if ((what !== 'port' && what !== 'host') || value === undefined) return { problem: words.slice(i).join(' ') || text };
    if (what === 'port' && !(/^\d{1,5}$/.test(value) && Number(value) <= 65535)) return { problem: `${what} ${value}` };
    terms.push({ side, what, value });
    i += 2;
  }
  if (terms.length === 0) return { problem: text };
  return (connection) => terms.every((term) => matches(term, connection));
}

function matches(term: Term, connection: Connection): boolean {
  const sides: Endpoint[] = term.side === 'src' ? [connection.client] : term.side === 'dst' ? [connection.server] : [connection.client, connection.server];
  return sides.some((endpoint) => (term.what === 'port' ? endpoint.port === Number(term.value) : sameAddress(endpoint.address, term.value)));
}

/** IPv6 written in any of its forms matches the form the reader prints (ip.ts). */
function sameAddress(address: string, written: string): boolean {
  if (address === written) return true;
  if (!address.includes(':') || !written.includes(':')) return false;
  return sameEndpoint({ address: expandIpv6(address), port: 0 }, { address: expandIpv6(written), port: 0 });
}

function expandIpv6(text: string): string {
  const [head, tail] = text.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0');
  return [...left, ...zeros, ...right].map((g) => g.replace(/^0+(?=.)/, '')).join(':');
}
