/**
 * The server's transport when it is started with `--stdio` (any editor but VS Code,
 * which uses IPC; and the tests and benchmarks).
 *
 * vscode-jsonrpc decodes a message in one turn of the event loop: the body turned into a
 * string and `JSON.parse`d. For the `didOpen` of a 15 MB document that turn was the longest
 * hold of the server (about 200 ms of CPU: the copy of the body into one buffer, then
 * 55 ms of `toString`, then 70–100 ms of `JSON.parse`; docs/reliability.md). Here the copy,
 * the `toString` and the parse of a large message each get a turn of their own, so other
 * documents' work and timers get the loop between them. Messages still reach the connection in order:
 * vscode-jsonrpc decodes one at a time.
 *
 * Building the reader ourselves means `createConnection` no longer sees the streams, so
 * the two things it does for `--stdio` are done here too: the server exits when stdin
 * ends (0 after a `shutdown` request, 1 without), and `console` output goes to the
 * client's log instead of stdout, where it would break the protocol.
 */
import { format } from 'node:util';
import {
  Message, StreamMessageReader, StreamMessageWriter,
  type ContentTypeDecoder, type ContentTypeDecoderOptions, type DataCallback, type Disposable, type RemoteConsole,
} from 'vscode-languageserver/node';
import { nextTurn } from './next-turn.js';

/** A body above this many bytes is decoded over three turns (every keystroke's message is far below). */
export const PARSE_LATER_ABOVE = 1024 * 1024;

const jsonInThreeTurns: ContentTypeDecoder = {
  name: 'application/json',
  async decode(body: Uint8Array, options: ContentTypeDecoderOptions): Promise<Message> {
    const large = body.byteLength > PARSE_LATER_ABOVE;
    // The body was just copied together from stdin's chunks, in this same turn.
    if (large) await nextTurn();
    const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString(options.charset);
    if (large) await nextTurn();
    return JSON.parse(text) as Message;
  },
};

/** Reads stdin as vscode-jsonrpc's reader does, decoding with jsonInThreeTurns, and notes a `shutdown` request. */
class StdinReader extends StreamMessageReader {
  shutdownRequested = false;

  constructor() {
    super(process.stdin, { contentTypeDecoder: jsonInThreeTurns });
  }

  override listen(callback: DataCallback): Disposable {
    return super.listen((message) => {
      if (Message.isRequest(message) && message.method === 'shutdown') this.shutdownRequested = true;
      callback(message);
    });
  }
}

export interface StdioTransport {
  readonly reader: StreamMessageReader;
  readonly writer: StreamMessageWriter;
  /** Sends `console` output to the client's log: stdout carries the protocol. */
  logConsoleTo(remote: RemoteConsole): void;
}

export function stdioTransport(): StdioTransport {
  const reader = new StdinReader();
  const exit = (): never => process.exit(reader.shutdownRequested ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  return {
    reader,
    writer: new StreamMessageWriter(process.stdout),
    logConsoleTo(remote) {
      const to = (write: (line: string) => void) => (...args: unknown[]) => write(format(...args));
      console.log = to((line) => remote.log(line));
      console.info = to((line) => remote.info(line));
      console.debug = to((line) => remote.log(line));
      console.warn = to((line) => remote.warn(line));
      console.error = to((line) => remote.error(line));
      console.dir = to((line) => remote.log(line));
    },
  };
}
