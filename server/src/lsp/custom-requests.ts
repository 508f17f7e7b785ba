/**
 * The custom requests between the extension and the language server, declared once
 * and imported by both sides (method name + parameter and result types).
 */
import { RequestType } from 'vscode-languageserver-protocol';

export interface DiagramParams {
  /** The document, as the client knows it (`TextDocument.uri.toString()`). */
  readonly uri: string;
  /** 0-based cursor line: a scenario too large to draw whole is drawn around it. */
  readonly line?: number;
  /** How states are named in the diagram. Default 'rfc'. */
  readonly stateNames?: 'rfc' | 'linux';
  /** How the arrows slope (tcpflow.diagram.style). Default: the generator's. */
  readonly arrowStyle?: 'textbook' | 'flat';
}

/** A drawn arrow and its 0-based source line (for an in-flight segment, also its `deliver` line). */
export interface DiagramMessageInfo {
  readonly line: number;
  readonly deliveredOn?: number;
}

/** A drawn note and its 0-based source line (-1 for the diagram's own notes). */
export interface DiagramNoteInfo {
  readonly line: number;
  readonly kind: 'state' | 'call' | 'effect' | 'note' | 'in-flight' | 'diagnostic' | 'info';
}

export interface DiagramSyntaxError {
  /** 0-based. */
  readonly line: number;
  readonly message: string;
}

export interface DiagramResult {
  readonly uri: string;
  /** The document version the diagram was made from (null when unknown). */
  readonly version: number | null;
  /** Mermaid `sequenceDiagram` source; all user text is escaped. */
  readonly mermaid: string;
  /** Arrows in drawing order. */
  readonly messages: readonly DiagramMessageInfo[];
  /** Notes in drawing order. */
  readonly notes: readonly DiagramNoteInfo[];
  /**
   * Syntax errors in the document. When there are any, the preview keeps its last good
   * diagram and shows the first one in a banner.
   */
  readonly syntaxErrors: readonly DiagramSyntaxError[];
  /** Set when only a window of a large scenario is drawn: says which part. */
  readonly banner?: string;
}

export const DiagramRequest = new RequestType<DiagramParams, DiagramResult, void>('tcpflow/diagram');
