/**
 * Opens a capture file and reads its frames, whichever format it is in: the first four
 * bytes tell classic pcap (either byte order) from pcapng. Every way the file can be
 * wrong — missing, not a file, not a capture, cut short, damaged — ends in one
 * CaptureError whose message is ready to print.
 */
import { say } from '../i18n/catalogue.js';
import { cliMessages } from '../i18n/messages/cli.js';
import { importMessages as m } from '../i18n/messages/import.js';
import { NotRegularFile } from '../export/regular-file.js';
import { errorCode, systemReason } from '../export/system-reason.js';
import { ByteSource } from './byte-source.js';
import { CaptureError, type Frame } from './frame.js';
import { PCAP_MAGIC_MICRO, PCAP_MAGIC_NANO, readPcap } from './pcap.js';
import { readPcapng, SECTION_HEADER } from './pcapng.js';

/** The frames of the capture at `path` (`file` is how messages name it), read in chunks. */
export function* readCapture(path: string, file: string): Generator<Frame> {
  const source = openCapture(path, file);
  try {
    if (!source.ensure(4)) throw new CaptureError(say(m.notCapture, { file }));
    const first = source.peek(4);
    const big = first.readUInt32BE(0);
    const little = first.readUInt32LE(0);
    if ([PCAP_MAGIC_MICRO, PCAP_MAGIC_NANO].includes(big) || [PCAP_MAGIC_MICRO, PCAP_MAGIC_NANO].includes(little)) {
      yield* readPcap(source, file);
    } else if (big === SECTION_HEADER) {
      yield* readPcapng(source, file);
    } else {
      throw new CaptureError(say(m.notCapture, { file }));
    }
  } finally {
    source.close();
  }
}

function openCapture(path: string, file: string): ByteSource {
  try {
    return ByteSource.open(path);
  } catch (error) {
    if (error instanceof NotRegularFile) {
      throw new CaptureError(error.kind === 'folder'
        ? say(m.isDirectory, { file })
        : say(cliMessages.notRegularInput, { file, kind: error.kind }));
    }
    throw new CaptureError(errorCode(error) === 'ENOENT'
      ? say(cliMessages.noSuchFile, { file })
      : say(cliMessages.cannotRead, { file, reason: systemReason(error) }));
  }
}
