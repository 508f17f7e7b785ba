/** Scenarios the LSP tests open. */
import { dedent } from './lsp-client.js';

/** The contract's first example (§1). */
export const FIRST_EXAMPLE = dedent(`
  // Three-way handshake and the four-way close
  scenario "Connect, exchange, close"

  participant client as "Client 10.0.0.1:51000"
  participant server as "Server 10.0.0.2:80"

  server: listen
  client: connect
  client -> server : SYN seq=J mss=1460 win=65535
  server -> client : SYN ACK seq=K ack=J+1 mss=1460
  client -> server : ACK seq=J+1 ack=K+1
  server: accept
  expect client ESTABLISHED, server ESTABLISHED

  client -> server : PSH ACK seq=J+1 ack=K+1 len=100
  server -> client : ACK ack=J+101                 // seq omitted: inferred (K+1)

  client: close
  client -> server : FIN ACK seq=J+101 ack=K+1
  server -> client : ACK seq=K+1 ack=J+102
  server: close
  server -> client : FIN ACK seq=K+1 ack=J+102
  client -> server : ACK seq=J+102 ack=K+2
  client: timeout 2MSL
`);

/** A handshake whose last ACK acknowledges the wrong number. */
export const BAD_ACK = dedent(`
  server: listen
  client -> server : SYN seq=J
  server -> client : SYN ACK seq=K ack=J+1
  client -> server : ACK seq=J+1 ack=K+5
`);

/** The server never listens: its SYN is answered by RST,ACK. */
export const SYN_TO_CLOSED = dedent(`
  participant client
  participant server
  client: connect
  client -> server : SYN seq=J
  expect client SYN-SENT
`);

/** Two lines the parser cannot read, between good ones. */
export const SYNTAX_ERRORS = dedent(`
  server: listen
  client -> server SYN seq=J
  ))) garbage (((
  client -> server : SYN seq=J
`);
