/** Every examples/*.tcpflow, read at build time (scripts/playground-build.mjs). */
declare module 'tcpflow:examples' {
  const examples: ReadonlyArray<{ readonly name: string; readonly text: string }>;
  export default examples;
}
