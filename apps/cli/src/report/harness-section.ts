import type { Block, Section } from './document.js';
import { paragraph } from './document.js';
import type { CodeExcerpt, HarnessExcerpts } from '@poolscope/runner';
import { reportMessages as m } from './messages.js';

const codeBlock =
  (folded: boolean) =>
  (excerpt: CodeExcerpt): Block => ({ kind: 'code', excerpt, caption: m.codeCaption(excerpt.file, excerpt.lines[0], excerpt.lines[1]), folded });

/**
 * "The harness": the Python cell and the Node equivalent, quoted from the runner's sources. The
 * Node code is folded in HTML, so the page reaches the results sooner; the Python cell is the RCA's.
 */
export function harnessSection(harness: HarnessExcerpts): Section {
  const blocks: Block[] = [paragraph(m.harnessIntro)];
  if (harness.missing.length > 0) blocks.push(paragraph(m.harnessMissing(harness.missing)));
  return {
    id: 'harness',
    title: m.harnessTitle,
    blocks,
    sections: [
      { id: 'harness-python', title: m.pythonTitle, blocks: [paragraph(m.pythonIntro), ...harness.python.map(codeBlock(false))] },
      { id: 'harness-node', title: m.nodeTitle, blocks: [paragraph(m.nodeIntro), ...harness.node.map(codeBlock(true))] },
    ],
  };
}
