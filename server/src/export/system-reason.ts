/** Why a file-system call failed, in the words of the message catalogue. */
import { say } from '../i18n/catalogue.js';
import { exportMessages } from '../i18n/messages/export.js';

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

export function systemReason(error: unknown): string {
  const code = errorCode(error);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return say(exportMessages.reasonPermission);
    case 'EROFS':
      return say(exportMessages.reasonReadOnly);
    case 'ENOSPC':
      return say(exportMessages.reasonNoSpace);
    case 'EDQUOT':
      return say(exportMessages.reasonQuota);
    case 'ENOTDIR':
      return say(exportMessages.reasonNotFolder);
    case 'ENOENT':
      return say(exportMessages.reasonNoFolder);
    case 'ENAMETOOLONG':
      return say(exportMessages.reasonNameTooLong);
    case 'ELOOP':
      return say(exportMessages.reasonLinkLoop);
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
