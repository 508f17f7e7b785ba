/**
 * Every message from the client passes here before any handler sees it
 * (vscode-jsonrpc's `messageStrategy`, so the transport the editor chose is untouched):
 *
 * - A request before `initialize` is answered -32002 ServerNotInitialized, as the spec
 *   says; a notification before it is dropped (except `exit`). Langium's handlers
 *   waited for a workspace that was never initialised, so such a request got no answer.
 * - Params are checked against the shape the server reads (protocol-params.ts): a
 *   request that does not match is answered -32602 InvalidParams naming the field; a
 *   notification that does not match is dropped with a log line.
 * - A request about a document the client has not opened is answered `null` (the
 *   empty answer of every `textDocument/*` request) — the server never reads a file
 *   because a request named it. Langium would read it from disk and keep it loaded
 *   forever: a 50 MB file cost 20.8 s and 2 GB, a FIFO blocked the reading forever.
 *
 * The gate answers by handing the connection a request for `ANSWER_METHOD` in place
 * of the original (same id, so the reply goes to the client's request, and
 * cancellation works as for any request); `installGateAnswers` registers its handler.
 */
import { URI } from 'langium';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { Message, type MessageStrategy, type NotificationMessage, type RequestMessage } from 'vscode-languageserver/node';
import { say } from '../i18n/catalogue.js';
import { serverMessages } from '../i18n/messages/server.js';
import { checkParams, DOCUMENT_REQUESTS, shapeOf, type ParamsProblem } from './protocol-params.js';

/** The method the gate's answers travel under; a client sending it gets MethodNotFound. */
const ANSWER_METHOD = '$/tcpflow/gateAnswer';

type GateAnswer = { readonly result: null } | { readonly error: { readonly code: number; readonly message: string } };

export class ProtocolGate implements MessageStrategy {
  private initialized = false;
  /** The documents the client opened and has not closed (normalised URIs). */
  private readonly open = new Set<string>();
  /** Where a dropped notification is reported, once the connection exists. */
  log: (line: string) => void = () => {};

  handleMessage(message: Message, next: (message: Message) => void): void {
    if (Message.isRequest(message)) next(this.request(message));
    else if (Message.isNotification(message)) {
      const passed = this.notification(message);
      if (passed) next(passed);
    } else next(message);
  }

  private request(message: RequestMessage): RequestMessage {
    const { method, params } = message;
    if (method === ANSWER_METHOD) return answer(message, { error: { code: ErrorCodes.MethodNotFound, message: `Unhandled method ${method}` } });
    if (!this.initialized && method !== 'initialize') {
      return answer(message, { error: { code: ErrorCodes.ServerNotInitialized, message: say(serverMessages.notInitialized, { method }) } });
    }
    const shape = shapeOf(method);
    const problem = shape === undefined ? undefined : checkParams(params, shape);
    if (problem) return answer(message, { error: { code: ErrorCodes.InvalidParams, message: invalidParams(method, problem) } });
    if (method === 'initialize') this.initialized = true;
    if (method in DOCUMENT_REQUESTS && !this.open.has(documentKey(params))) {
      // The preview's request has no empty answer: say the document is not open.
      if (method === 'tcpflow/diagram') {
        return answer(message, { error: { code: ErrorCodes.InvalidParams, message: say(serverMessages.documentNotOpen, { uri: (params as { uri: string }).uri }) } });
      }
      return answer(message, { result: null });
    }
    return message;
  }

  private notification(message: NotificationMessage): NotificationMessage | undefined {
    const { method, params } = message;
    if (method === 'exit') return message;
    if (!this.initialized) return undefined;
    const shape = shapeOf(method);
    const problem = shape === undefined ? undefined : checkParams(params, shape);
    if (problem) {
      this.log(say(serverMessages.notificationIgnored, { problem: invalidParams(method, problem) }));
      return undefined;
    }
    if (method === 'textDocument/didOpen') this.open.add(documentKey(params));
    if (method === 'textDocument/didClose') this.open.delete(documentKey(params));
    return message;
  }
}

/** Registers the handler of the gate's answers on the connection. */
export function installGateAnswers(connection: Connection): void {
  connection.onRequest(ANSWER_METHOD, (params: GateAnswer) =>
    ('error' in params ? new ResponseError(params.error.code, params.error.message) : params.result));
}

function answer(message: RequestMessage, params: GateAnswer): RequestMessage {
  return { jsonrpc: message.jsonrpc, id: message.id, method: ANSWER_METHOD, params };
}

function invalidParams(method: string, problem: ParamsProblem): string {
  return say(serverMessages.invalidParams, { method, ...problem });
}

/**
 * A document's URI as Langium keys it (`URI.parse(…).toString()`), so `file:///a%20b`
 * and `file:///a b` are one document. The params were checked: the URI parses.
 */
function documentKey(params: unknown): string {
  const p = params as { textDocument?: { uri: string }; uri?: string };
  return URI.parse(p.textDocument?.uri ?? p.uri!).toString();
}
