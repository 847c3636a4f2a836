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

/** Plain text of a Lexical-bound `XmlText`: blocks joined by newlines, formatting dropped. */
export function richTextToPlain(root: Y.XmlText): string {
  const blocks: string[] = [];
  let inline = '';
  for (const op of root.toDelta() as DeltaOp[]) {
    if (typeof op.insert === 'string') inline += op.insert;
    else if (op.insert instanceof Y.XmlText) blocks.push(inlineText(op.insert));
  }
  if (inline.length > 0) blocks.unshift(inline);
  return blocks.join('\n');
}

function inlineText(block: Y.XmlText): string {
  let text = '';
  for (const op of block.toDelta() as DeltaOp[]) {
    if (typeof op.insert === 'string') text += op.insert;
    else if (op.insert instanceof Y.XmlText) text += inlineText(op.insert);
    else if (op.insert instanceof Y.Map && op.insert.get('__type') === 'linebreak') text += '\n';
  }
  return text;
}
