/** The extension starts the language server without the server's TCPFLOW_TEST_* hooks. */
import { describe, expect, it } from 'vitest';
import { serverEnvironment } from '../../client/src/server-environment.js';

describe('serverEnvironment', () => {
  it('drops the test hooks and keeps everything else', () => {
    const env = serverEnvironment({
      PATH: '/usr/bin', HOME: '/home/u', TCPFLOW_TEST_FAIL_ON: 'x', TCPFLOW_TEST_VALIDATION_DELAY_MS: '20', tcpflow_test_other: '1', TCPFLOW_LOCALE: 'en',
    });
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/home/u', TCPFLOW_LOCALE: 'en' });
  });
});
