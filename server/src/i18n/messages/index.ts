/**
 * Every table of the catalogue, so one test can check them all (test/i18n). A new area's
 * table is added here.
 */
import type { AnyMessage } from '../catalogue.js';
import { cliMessages } from './cli.js';
import { engineMessages } from './engine.js';

export const CATALOGUE: Readonly<Record<string, Readonly<Record<string, AnyMessage>>>> = {
  cli: cliMessages,
  engine: engineMessages,
};
