// Preloaded into the language server by the fuzz tests (`node --expose-gc -r heap-probe.cjs
// out/server.js --stdio`); not part of the server. On SIGUSR2 it forces two full garbage
// collections and writes process.memoryUsage() as JSON to $TCPFLOW_HEAP_PROBE, so a test
// can compare the server's live heap before and after a long edit session.
'use strict';
const { writeFileSync, renameSync } = require('node:fs');

const target = process.env.TCPFLOW_HEAP_PROBE;
if (target && typeof global.gc === 'function') {
  process.on('SIGUSR2', () => {
    global.gc();
    global.gc();
    const usage = process.memoryUsage();
    // Written whole under another name, then renamed: the reader never sees half a file.
    writeFileSync(`${target}.tmp`, JSON.stringify(usage));
    renameSync(`${target}.tmp`, target);
  });
}
