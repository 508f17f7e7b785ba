/**
 * Every table of the catalogue, so one test can check them all (test/i18n). A new area's
 * table is added here.
 */
import type { AnyMessage } from '../catalogue.js';
import { browserMessages } from './browser.js';
import { cliMessages } from './cli.js';

export const CATALOGUE: Readonly<Record<string, Readonly<Record<string, AnyMessage>>>> = {
  browser: browserMessages,
  cli: cliMessages,
};
