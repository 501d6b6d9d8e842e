import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/report/document.js';
import { inlineParts } from '../../src/report/document.js';
import { escapeHtml, inlineSvg, renderHtml, type FigureContents } from '../../src/report/html.js';
import { escapeMarkdown, renderMarkdown } from '../../src/report/markdown.js';

const awkward = '<script>alert(1)</script> | *x* _y_ [z](http://e) # &amp;';

/** A document whose every text comes from "data" with markup in it. */
const doc: ReportDocument = {
  title: 'Report',
  subtitle: awkward,
  sections: [
    {
      id: 's"1',
      title: awkward,
      blocks: [
        { kind: 'paragraph', text: [`target ${awkward} `, { code: 'a`b' }, ' run `poolscope report DIR`'] },
        { kind: 'list', items: [awkward] },
        { kind: 'table', header: ['target', 'n'], numeric: [false, true], rows: [[awkward, '1']], caption: awkward },
        { kind: 'code', caption: awkward, excerpt: { language: 'python', file: 'f.py', lines: [1, 2], code: 'if a < b and "x" != \'</pre>\':\n    pass' } },
        { kind: 'code', caption: 'folded.ts, lines 1-1', folded: true, excerpt: { language: 'typescript', file: 'folded.ts', lines: [1, 1], code: 'const a = 1 < 2;' } },
        { kind: 'figure', name: 'thread-scaling', caption: awkward, svg: 'figures/thread-scaling.svg', png: 'figures/thread-scaling.png' },
        { kind: 'figure', name: 'gil-impact', caption: 'png only', svg: 'figures/evil.svg', png: 'figures/gil-impact.png' },
      ],
    },
  ],
};
const files: FigureContents = {
  svg: (file) =>
    file.endsWith('evil.svg')
      ? '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
      : '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>&lt;script&gt;</text></svg>',
  png: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
};

describe('the report renderers', () => {
  it('splits backticked spans of plain text into code, leaving a lone backtick alone', () => {
    expect(inlineParts('run `poolscope report DIR` now')).toEqual(['run ', { code: 'poolscope report DIR' }, ' now']);
    expect(inlineParts('a ` b')).toEqual(['a ` b']);
  });

  it('escapes every label in HTML: data shows as text, never as markup', () => {
    const html = renderHtml(doc, files);
    expect(html).not.toContain('<script>');
    expect(html).toContain(escapeHtml(awkward));
    expect(html).toContain('id="s&quot;1"');
    expect(html).toContain('<code>poolscope report DIR</code>');
    expect(html).toContain('&quot;x&quot; != &#39;&lt;/pre&gt;&#39;');
    expect(html).toContain('<details class="code"><summary>folded.ts, lines 1-1</summary><pre><code class="language-typescript">const a = 1 &lt; 2;</code></pre></details>');
    // The SVG goes in inline, without its XML prolog; an SVG with a script is replaced by the PNG.
    expect(html).toContain('<figure id="figure-thread-scaling" data-figure="thread-scaling"><svg');
    expect(html).not.toContain('<?xml');
    expect(html).toContain('<img src="data:image/png;base64,iVBORw=="');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:|\/\/|file:)/);
  });

  it('refuses SVGs with anything active or external in them', () => {
    expect(inlineSvg('<svg><g onload="x()"/></svg>')).toBeUndefined();
    expect(inlineSvg('<svg><image href="http://e/x.png"/></svg>')).toBeUndefined();
    expect(inlineSvg('<svg><foreignObject/></svg>')).toBeUndefined();
    expect(inlineSvg('<html></html>')).toBeUndefined();
    expect(inlineSvg('<svg><path clip-path="url(#thread-scaling-clip1)"/><use href="#a"/></svg>')).toBe('<svg><path clip-path="url(#thread-scaling-clip1)"/><use href="#a"/></svg>');
  });

  it('escapes every label in Markdown: no emphasis, links, HTML or broken tables from data', () => {
    const md = renderMarkdown(doc);
    expect(md).not.toContain('<script>');
    expect(md).toContain(escapeMarkdown(awkward));
    expect(escapeMarkdown('a|b *c* <d>')).toBe('a\\|b \\*c\\* &lt;d&gt;');
    // An entity in data shows as typed, not as the character it names.
    expect(escapeMarkdown('a &lt; b & c')).toBe('a &amp;lt; b &amp; c');
    expect(md).toContain('| &lt;script&gt;alert(1)&lt;/script&gt; \\| \\*x\\*');
    expect(md).toContain('``a`b``');
    expect(md).toContain('`poolscope report DIR`');
    expect(md).toContain('```python\nif a < b');
    expect(md).toContain('```typescript\nconst a = 1 < 2;\n```');
    expect(md).toContain('](figures/thread-scaling.png)');
  });
});
