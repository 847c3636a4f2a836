import * as Y from 'yjs';

/**
 * Rich text (notes, terms) is stored in @lexical/yjs 0.52's collab layout: the root `XmlText`
 * embeds one `XmlText` per block (attribute `__type`), and inside a block each text node is a
 * `Y.Map` of its properties followed by its characters. Writing that layout on the server
 * means a fresh document already has content, so no two clients race to bootstrap it.
 */
export function writeParagraphs(root: Y.XmlText, paragraphs: readonly string[]): void {
  const blocks = paragraphs.length === 0 ? [''] : paragraphs;
  blocks.forEach((text, index) => {
    const block = new Y.XmlText();
    root.insertEmbed(index, block);
    block.setAttribute('__type', 'paragraph');
    block.setAttribute('__format', 0);
    block.setAttribute('__style', '');
    block.setAttribute('__indent', 0);
    block.setAttribute('__dir', null);
    block.setAttribute('__textFormat', 0);
    block.setAttribute('__textStyle', '');
    if (text.length > 0) {
      const node = new Y.Map<unknown>();
      block.insertEmbed(0, node);
      node.set('__type', 'text');
      node.set('__format', 0);
      node.set('__style', '');
      node.set('__mode', 0);
      node.set('__detail', 0);
      block.insert(1, text);
    }
  });
}

interface DeltaOp {
  insert?: unknown;
}

/** Lexical element nodes that sit inside a line (a link around a word) rather than start one. */
const INLINE_ELEMENTS: ReadonlySet<unknown> = new Set(['link', 'autolink', 'mark']);

/**
 * Plain text of a Lexical-bound `XmlText`: one line per block (paragraph, heading, list
 * item…), line breaks kept, formatting dropped.
 */
export function richTextToPlain(root: Y.XmlText): string {
  return blockLines(root).join('\n');
}

function blockLines(block: Y.XmlText): string[] {
  const lines: string[] = [];
  let line = '';
  let inline = false;
  for (const op of block.toDelta() as DeltaOp[]) {
    const insert = op.insert;
    if (typeof insert === 'string') {
      line += insert;
      inline = true;
    } else if (insert instanceof Y.XmlText && INLINE_ELEMENTS.has(insert.getAttribute('__type'))) {
      line += blockLines(insert).join('\n');
      inline = true;
    } else if (insert instanceof Y.XmlText) {
      // A nested block (list inside the root, list item inside a list) ends the current line.
      if (inline) lines.push(line);
      line = '';
      inline = false;
      lines.push(...blockLines(insert));
    } else if (insert instanceof Y.Map && insert.get('__type') === 'linebreak') {
      line += '\n';
      inline = true;
    }
  }
  if (inline || lines.length === 0) lines.push(line);
  return lines;
}
