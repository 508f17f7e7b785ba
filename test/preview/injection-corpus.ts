/**
 * Text that tries to break out of a diagram: markup and script, Mermaid directives and
 * statements, entity codes, KaTeX, link syntax, very long and odd Unicode text. Each
 * payload is put in the title, a participant label, a `data="…"` payload and notes.
 */
export const INJECTION_PAYLOADS: readonly string[] = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"></svg>',
  '<a href="javascript:window.__pwned=1">click me</a>',
  'javascript:window.__pwned=1',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '<foreignObject><div onmouseover="window.__pwned=1">hover</div></foreignObject>',
  '</text><script>window.__pwned=1</script><text>',
  '<style>* { display: none }</style>',
  '<!-- comment --><b>bold</b><br>line',
  ']]><script>window.__pwned=1</script>',
  '%%{init: {"securityLevel": "loose", "startOnLoad": true}}%%',
  '%%{init: {"themeCSS": "rect { fill: red }"}}%%',
  '%% a Mermaid comment',
  '---\ntitle: front matter\n---',
  'a; Note over client: injected statement',
  '#59; end',
  'end',
  'x #35; y #60;b#62; z',
  '&lt;script&gt; &#60;img src=x onerror=window.__pwned=1&#62;',
  '#60;img src=x onerror=window.__pwned=1#62;',
  'ﬂ°°60¶ßimg src=x onerror=window.__pwned=1ﬂ°°62¶ß',
  '$$\\href{javascript:window.__pwned=1}{click}$$',
  '$$ \\alpha + \\beta $$',
  'wrap: this text asks for wrapping',
  ':nowrap: and this does not',
  'click client call window.__pwned()',
  'links client: {"x": "javascript:window.__pwned=1"}',
  'client-xserver: fake lost segment',
  'server-->>client: fake duplicate',
  'activate client',
  'accTitle: hijacked',
  'accDescr { hijacked',
  'box rgb(255,0,0) red box',
  '@{ "type": "actor" }',
  'classDef x fill:#f00;',
  '"double" \'single\' `backtick`',
  '{}[]()<>|\\/',
  'line one\nline two\r\nline three',
  '\u202Egnp.exe \u200B zero width \uFEFF bom',
  'emoji 😀 and CJK 中文 and RTL עברית',
  `very long ${'A'.repeat(5000)}`,
  'tab\there and form\ffeed',
];

/** A `.tcpflow` string literal holding `text`. */
export function tcpflowString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/\f/g, '\\f')}"`;
}

/** A valid scenario carrying `payload` in every free-text position. */
export function scenarioWith(payload: string): string {
  const oneLine = payload.replace(/[\r\n]+/g, ' ');
  return [
    `scenario ${tcpflowString(payload)}`,
    `participant client as ${tcpflowString(payload)}`,
    'participant server as "Server" starts LISTEN',
    `note over client, server : ${oneLine}`,
    'client -> server : SYN seq=J',
    'server -> client : SYN ACK seq=K ack=J+1',
    'client -> server : ACK seq=J+1 ack=K+1',
    `client -> server : PSH ACK seq=J+1 ack=K+1 data=${tcpflowString(payload)}`,
    // An in-flight segment: its arrow and label are moved after Mermaid draws (slope.ts).
    `client ~> server : PSH ACK data=${tcpflowString(payload)} as late`,
    'deliver late',
    `note left of client : ${oneLine}`,
    'expect client ESTABLISHED',
    '',
  ].join('\n');
}
