/**
 * ```tcpflow blocks in Markdown: `synack md` (check, --write twice = no-op) and the
 * markdown-it plugin of VS Code's Markdown preview.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { extendMarkdownIt, type MarkdownItLike } from '../../client/src/markdown/markdown-it-plugin.js';
import { findTcpflowBlocks, IMAGE_MARKER, withImageLinks } from '../../server/src/export/markdown-blocks.js';
import { readSvgKey } from '../../server/src/export/formats.js';
import { EXAMPLES, read, runCliProcess, scratch } from './support.js';

const handshake = read(join(EXAMPLES, 'three-way-handshake.tcpflow'));

const GUIDE = [
  '# Guide',
  '',
  'The handshake:',
  '',
  '```tcpflow',
  handshake.trimEnd(),
  '```',
  'Text right under the block.',
  '',
  '```mermaid',
  'sequenceDiagram',
  'A->>B: not ours',
  '```',
  '',
  '~~~~ tcpflow',
  'scenario "Second"',
  'a -> b : SYN seq=1',
  'b -> a : RST ACK seq=0 ack=2',
  '~~~~',
  '',
].join('\n');

const BROKEN = [
  '# Broken',
  '',
  '  ```tcpflow',
  '  server: listen',
  '  client -> server : SYN seq=J',
  '  server -> client : SYN ACK seq=K ack=J+7',
  '  ```',
  '',
].join('\n');

describe('finding blocks', () => {
  it('reads backtick and tilde fences, skips other languages, strips the fence indentation', () => {
    const blocks = findTcpflowBlocks(GUIDE);
    const tilde = GUIDE.split('\n').indexOf('~~~~ tcpflow');
    expect(blocks.map((b) => [b.index, b.openLine, b.closeLine])).toEqual([[1, 4, 4 + handshake.trimEnd().split('\n').length + 1], [2, tilde, tilde + 4]]);
    expect(blocks[0].text).toBe(`${handshake.trimEnd()}\n`);
    const indented = findTcpflowBlocks(BROKEN)[0];
    expect(indented.text.split('\n')[0]).toBe('server: listen');
    expect(indented.removedColumns[0]).toBe(2);
  });

  it('image links are inserted once and replaced, never duplicated', () => {
    const blocks = findTcpflowBlocks(GUIDE);
    const links = blocks.map((block) => ({ block, file: `g.tcpflow-${block.index}.svg`, alt: 'Alt [x]' }));
    const once = withImageLinks(GUIDE, links);
    expect(once.match(/tcpflow-md:/g)).toHaveLength(2);
    expect(once).toContain('![Alt \\[x\\]](g.tcpflow-1.svg)\n\nText right under the block.');
    expect(withImageLinks(once, findTcpflowBlocks(once).map((block) => ({ block, file: `g.tcpflow-${block.index}.svg`, alt: 'Alt [x]' })))).toBe(once);
  });
});

describe('blocks in list items', () => {
  const STEPS = [
    '# Steps',
    '',
    '1. Open the connection:',
    '',
    '   ```tcpflow',
    '   server: listen',
    '   client -> server : SYN seq=J',
    '   ```',
    '2. Then a nested list:',
    '   - with a fence on the marker line:',
    '     - ```tcpflow',
    '       a -> b : SYN seq=1',
    '       ```',
    '3. The end.',
    '',
    'A paragraph after the list.',
    '',
    '    ```tcpflow',
    '    indented four spaces at the top level: an indented code block, not a fence',
    '    ```',
    '',
  ].join('\n');

  it('finds fences inside list items, nested ones and on the marker line, and strips the item indentation', () => {
    const blocks = findTcpflowBlocks(STEPS);
    expect(blocks.map((b) => [b.openLine, b.closeLine, b.containerColumn])).toEqual([[4, 7, 3], [10, 12, 7]]);
    expect(blocks[0].text).toBe('server: listen\nclient -> server : SYN seq=J\n');
    expect(blocks[0].removedColumns).toEqual([3, 3]);
    expect(blocks[1].text).toBe('a -> b : SYN seq=1\n');
  });

  it('puts each image inside its list item, so the list goes on, and does it once', () => {
    const md = new MarkdownIt();
    const links = findTcpflowBlocks(STEPS).map((block) => ({ block, file: `steps.tcpflow-${block.index}.svg`, alt: `Step ${block.index}` }));
    const once = withImageLinks(STEPS, links);
    const html = md.render(once);
    // Still one ordered list of three items, each image inside the item of its block.
    expect(html.match(/<ol>/g)).toHaveLength(1);
    expect(html.match(/<li>/g)?.length).toBe(5); // 3 steps + the nested "with a fence" item + the item holding the fence
    const firstItem = html.slice(html.indexOf('<li>'), html.indexOf('</li>'));
    expect(firstItem).toContain('<img src="steps.tcpflow-1.svg" alt="Step 1">');
    expect(html).toMatch(/<li>[^]*<img src="steps.tcpflow-2.svg" alt="Step 2">[^]*<\/li>[^]*The end/);
    expect(withImageLinks(once, findTcpflowBlocks(once).map((block) => ({ block, file: `steps.tcpflow-${block.index}.svg`, alt: `Step ${block.index}` })))).toBe(once);
  });
});

describe('blocks in block quotes', () => {
  const QUOTED = [
    '> A handshake, quoted:',
    '>',
    '> ```tcpflow',
    '> server: listen',
    '>   client -> server : SYN seq=J',
    '> ```',
    '> After it.',
    '',
    '> > - nested, in a list item:',
    '> >   ```tcpflow',
    '> >   a -> b : SYN seq=1',
    '> >   ```',
    '',
    '> ```tcpflow',
    '> a -> b : SYN seq=1',
    'the quote ends here, and the fence with it',
    '',
  ].join('\n');

  it('finds fences inside quotes, nested and in list items, as markdown-it does, and strips the markers', () => {
    const blocks = findTcpflowBlocks(QUOTED);
    expect(blocks.map((b) => [b.openLine, b.closeLine, b.quotePrefix, b.containerColumn])).toEqual([[2, 5, '> ', 0], [9, 11, '> > ', 2], [13, undefined, '> ', 0]]);
    expect(blocks[0].text).toBe('server: listen\n  client -> server : SYN seq=J\n');
    expect(blocks[0].removedColumns).toEqual([2, 2]);
    expect(blocks[1].text).toBe('a -> b : SYN seq=1\n');
    expect(blocks[1].removedColumns).toEqual([6]);
    expect(blocks[2].text).toBe('a -> b : SYN seq=1\n');
    // markdown-it reads the same three code blocks, with the same text.
    const fences = new MarkdownIt().parse(QUOTED, {}).filter((t) => t.type === 'fence' && t.info.trim() === 'tcpflow');
    expect(fences.map((t) => t.content)).toEqual(blocks.map((b) => b.text));
  });

  it('puts each image inside its quote, so the quote goes on, and does it once', () => {
    const links = findTcpflowBlocks(QUOTED).filter((b) => b.closeLine !== undefined)
      .map((block) => ({ block, file: `q.tcpflow-${block.index}.svg`, alt: `Quoted ${block.index}` }));
    const once = withImageLinks(QUOTED, links);
    expect(once.split('\n').slice(5, 10)).toEqual(['> ```', '>', `> ${IMAGE_MARKER}`, '> ![Quoted 1](q.tcpflow-1.svg)', '>']);
    const html = new MarkdownIt({ html: true }).render(once);
    // The first quote holds its image and goes on with "After it."
    const firstQuote = html.slice(0, html.indexOf('</blockquote>'));
    expect(firstQuote).toContain('<img src="q.tcpflow-1.svg" alt="Quoted 1">');
    expect(firstQuote).toContain('After it.');
    expect(html).toMatch(/<blockquote>\s*<blockquote>[^]*<li>[^]*<img src="q.tcpflow-2.svg" alt="Quoted 2">[^]*<\/li>/);
    const again = findTcpflowBlocks(once).filter((b) => b.closeLine !== undefined).map((block) => ({ block, file: `q.tcpflow-${block.index}.svg`, alt: `Quoted ${block.index}` }));
    expect(withImageLinks(once, again)).toBe(once);
  });
});

describe('synack md', () => {
  it('reports diagnostics at their line and column in the Markdown file, exit 1', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'broken.md'), BROKEN);
    const run = await runCliProcess(['md', 'broken.md'], dir);
    expect(run.code).toBe(1);
    // `ack=J+7` is on line 6 of the file, and `ack` starts at column 35 (2 columns of fence indentation).
    const line = run.stdout.split('\n').find((l) => l.includes('bad-ack'));
    expect(line).toMatch(/^broken\.md:6:\d+: error bad-ack: /);
    const column = Number(/^broken\.md:6:(\d+):/.exec(line!)![1]);
    expect(BROKEN.split('\n')[5].slice(column - 1)).toMatch(/^(SYN|ack=|server)/);
    expect(read(join(dir, 'broken.md'))).toBe(BROKEN);
  });

  it('in a block quote: columns count the markers, and a fence left open ends with its quote', async () => {
    const dir = scratch();
    const quoted = ['> ```tcpflow', '> b: listen', '> a -> b : SYN seq=1', '>   b -> a : SYN ACK seq=9 ack=5', '> ```', '', '> ```tcpflow', '> a: listen', 'after the quote', ''].join('\n');
    writeFileSync(join(dir, 'quoted.md'), quoted);
    const run = await runCliProcess(['md', 'quoted.md'], dir);
    expect(run.code).toBe(1);
    const line = run.stdout.split('\n').find((l) => l.includes('bad-ack'));
    const column = Number(/^quoted\.md:4:(\d+): error bad-ack: /.exec(line ?? '')?.[1]);
    expect(quoted.split('\n')[3].slice(column - 1)).toMatch(/^ack=5/);
    expect(run.stdout).toContain('quoted.md:7:1: warning unclosed-fence: this tcpflow block is never closed, so it runs to the end of its block quote');
  });

  it('--write draws each block beside the file and links it; a second run changes nothing', async () => {
    const dir = scratch();
    const md = join(dir, 'guide.md');
    writeFileSync(md, GUIDE);
    const first = await runCliProcess(['md', 'guide.md', '--write'], dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const svgs = readdirSync(dir).filter((f) => f.endsWith('.svg')).sort();
    expect(svgs).toEqual(['guide.tcpflow-1.svg', 'guide.tcpflow-2.svg']);
    for (const f of svgs) expect(readSvgKey(read(join(dir, f)))).toMatch(/^[0-9a-f]{64}$/);
    const written = read(md);
    expect(written).toContain('![Three-way handshake](guide.tcpflow-1.svg)');
    expect(written).toContain('![Second](guide.tcpflow-2.svg)');
    expect(written).toContain('```\n\n<!-- tcpflow-md:');

    const before = new Map(svgs.map((f) => [f, { bytes: readFileSync(join(dir, f)), mtime: statSync(join(dir, f)).mtimeMs }]));
    const mdTime = statSync(md).mtimeMs;
    const second = await runCliProcess(['md', 'guide.md', '--write'], dir, { TCPFLOW_CHROMIUM: '/nonexistent' });
    expect(second.code).toBe(0); // and no browser was needed
    expect(second.stdout).toBe('');
    expect(read(md)).toBe(written);
    expect(statSync(md).mtimeMs).toBe(mdTime);
    for (const [f, b] of before) {
      expect(readFileSync(join(dir, f))).toEqual(b.bytes);
      expect(statSync(join(dir, f)).mtimeMs).toBe(b.mtime);
    }

    // Editing one block redraws only its SVG.
    writeFileSync(md, written.replace('scenario "Second"', 'scenario "Second, edited"'));
    const third = await runCliProcess(['md', 'guide.md', '--write'], dir);
    expect(third.code).toBe(0);
    expect(statSync(join(dir, 'guide.tcpflow-1.svg')).mtimeMs).toBe(before.get('guide.tcpflow-1.svg')!.mtime);
    expect(readFileSync(join(dir, 'guide.tcpflow-2.svg'))).not.toEqual(before.get('guide.tcpflow-2.svg')!.bytes);
    expect(read(md)).toContain('![Second, edited](guide.tcpflow-2.svg)');
    expect(read(md).match(/tcpflow-md:/g)).toHaveLength(2);
  }, 60_000);

  it('--write will not overwrite an SVG it did not draw, without --force', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'guide.md'), GUIDE);
    writeFileSync(join(dir, 'guide.tcpflow-1.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const run = await runCliProcess(['md', 'guide.md', '--write'], dir, { TCPFLOW_CHROMIUM: '/nonexistent' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('guide.tcpflow-1.svg: already exists and was not drawn by synack; add --force');
    expect(read(join(dir, 'guide.md'))).toBe(GUIDE);
  });
});

describe('markdown-it plugin (VS Code Markdown preview)', () => {
  /** markdown-it as the plugin sees it: an instance of the shape it extends. */
  const markdownIt = (options: { html?: boolean } = {}) => extendMarkdownIt(new MarkdownIt(options) as unknown as MarkdownItLike & { render(src: string): string });
  const md = markdownIt();

  it('turns a tcpflow block into escaped Mermaid source for the preview script, and leaves other fences alone', () => {
    const html = md.render(GUIDE);
    expect(html.match(/class="tcpflow-diagram"/g)).toHaveLength(2);
    expect(html).toContain('<pre class="tcpflow-mermaid" hidden>sequenceDiagram\ntitle Three-way handshake');
    expect(html).toContain('<code class="language-mermaid">sequenceDiagram');
    expect(html).not.toContain('tcpflow-problems');
  });

  it('shows errors in place, as escaped text, with lines of the Markdown file', () => {
    const html = md.render(BROKEN);
    expect(html).toMatch(/<li class="tcpflow-error">line 6:\d+ error bad-ack: /);
  });

  it('nothing in a block becomes markup', () => {
    const html = md.render('```tcpflow\nscenario "<img src=x onerror=alert(1)>"\nnote over a : <script>alert(1)</script>\nbogus <b>line</b>\n```\n');
    expect(html).not.toMatch(/<img|<script|<b>/i);
  });

  it.each([false, true])('hides the image link that synack md --write keeps under a block (html: %s)', (html) => {
    const instance = markdownIt({ html });
    const blocks = findTcpflowBlocks(GUIDE);
    const linked = withImageLinks(GUIDE, blocks.map((block) => ({ block, file: `g.tcpflow-${block.index}.svg`, alt: 'x [1]' })));
    const out = instance.render(linked);
    expect(out).not.toContain('g.tcpflow-');
    expect(out).not.toContain('tcpflow-md');
    expect(out).toContain('<p>Text right under the block.</p>');
    expect(out.match(/class="tcpflow-diagram"/g)).toHaveLength(2);
  });

  /** A block in a container, the image line withImageLinks writes in it, and what shows the container went on after it. */
  const CONTAINERS = [
    {
      name: 'a list item',
      markdown: ['1. The handshake:', '', '   ```tcpflow', '   a -> b : SYN seq=1', '   ```', '2. Next.', ''].join('\n'),
      image: '   ![x](c.tcpflow-1.svg)',
      wentOn: /<li>[^]*tcpflow-diagram[^]*<\/li>\s*<li>\s*(<p>)?Next\./,
    },
    {
      name: 'a block quote',
      markdown: ['> The handshake:', '>', '> ```tcpflow', '> a -> b : SYN seq=1', '> ```', '> Next.', ''].join('\n'),
      image: '> ![x](c.tcpflow-1.svg)',
      wentOn: /<blockquote>[^]*tcpflow-diagram[^]*Next\.[^]*<\/blockquote>/,
    },
  ];

  it.each(CONTAINERS.flatMap((c) => [false, true].map((html) => ({ ...c, html }))))('hides it under a block in $name too (html: $html)', ({ markdown, image, wentOn, html }) => {
    const linked = withImageLinks(markdown, findTcpflowBlocks(markdown).map((block) => ({ block, file: 'c.tcpflow-1.svg', alt: 'x' })));
    expect(linked).toContain(image);
    const out = markdownIt({ html }).render(linked);
    expect(out).not.toContain('c.tcpflow-');
    expect(out).not.toContain('tcpflow-md');
    expect(out.match(/class="tcpflow-diagram"/g)).toHaveLength(1);
    expect(out).toMatch(wentOn);
  });
});
