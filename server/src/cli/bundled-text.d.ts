/**
 * Text files imported `with { type: 'text' }` are bundled into the CLI by esbuild as
 * strings (the templates of `new` are files of examples/, `help language` prints
 * docs/language.md), so the CLI needs nothing beside itself at run time.
 */
declare module '*.tcpflow' {
  const text: string;
  export default text;
}
declare module '*.md' {
  const text: string;
  export default text;
}
