/**
 * The starting scenarios of `synack new`. A template IS a file of examples/ (bundled
 * into the CLI as text by esbuild), so the examples' tests check every template and the
 * two cannot drift apart; test/cli/templates.test.ts checks the VS Code snippets agree.
 *
 * Not here yet: `listen-queues` (SYN and accept queues) needs syntax the language does
 * not have (several connections on one listener).
 */
import type { Message } from '../i18n/catalogue.js';
import { helpMessages as h } from '../i18n/messages/help.js';
import closeText from '../../../examples/four-way-close.tcpflow' with { type: 'text' };
import halfCloseText from '../../../examples/half-close-shutdown.tcpflow' with { type: 'text' };
import timeWaitText from '../../../examples/lost-last-ack-time-wait.tcpflow' with { type: 'text' };
import refusedText from '../../../examples/connection-refused.tcpflow' with { type: 'text' };
import simultaneousCloseText from '../../../examples/simultaneous-close.tcpflow' with { type: 'text' };
import simultaneousOpenText from '../../../examples/simultaneous-open.tcpflow' with { type: 'text' };
import handshakeText from '../../../examples/three-way-handshake.tcpflow' with { type: 'text' };

export interface Template {
  readonly name: string;
  /** The file of examples/ it is. */
  readonly example: string;
  readonly about: Message;
  readonly text: string;
}

export const TEMPLATES: readonly Template[] = [
  { name: 'handshake', example: 'three-way-handshake.tcpflow', about: h.templateHandshake, text: handshakeText },
  { name: 'close', example: 'four-way-close.tcpflow', about: h.templateClose, text: closeText },
  { name: 'simultaneous-open', example: 'simultaneous-open.tcpflow', about: h.templateSimultaneousOpen, text: simultaneousOpenText },
  { name: 'simultaneous-close', example: 'simultaneous-close.tcpflow', about: h.templateSimultaneousClose, text: simultaneousCloseText },
  { name: 'refused', example: 'connection-refused.tcpflow', about: h.templateRefused, text: refusedText },
  { name: 'time-wait', example: 'lost-last-ack-time-wait.tcpflow', about: h.templateTimeWait, text: timeWaitText },
  { name: 'half-close', example: 'half-close-shutdown.tcpflow', about: h.templateHalfClose, text: halfCloseText },
];

export const DEFAULT_TEMPLATE = 'handshake';
