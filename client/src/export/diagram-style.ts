/**
 * The `tcpflow.diagram.style` setting (textbook | flat): how the diagram's arrows slope,
 * read the same way by the preview, the export command and the Markdown preview.
 */
import * as vscode from 'vscode';
import { ARROW_STYLES, DEFAULT_ARROW_STYLE, type ArrowStyle } from '../../../server/src/diagram/arrow-plan.js';

export function diagramStyle(scope?: vscode.Uri): ArrowStyle {
  const value = vscode.workspace.getConfiguration('tcpflow', scope).get<string>('diagram.style');
  return (ARROW_STYLES as readonly string[]).includes(value ?? '') ? value as ArrowStyle : DEFAULT_ARROW_STYLE;
}
