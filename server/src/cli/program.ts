/**
 * The command line's name and version, in one place: every text that names the program
 * takes it from here, so renaming the command (issue 14, item 1) is one edit.
 */
export const PROGRAM_NAME = 'synack';

export const VERSION = '0.1.0';
