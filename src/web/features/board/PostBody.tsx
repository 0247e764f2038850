import { Blockquote, Stack, Text } from '@mantine/core';

interface Block {
  quote: boolean;
  lines: string[];
}

/** Consecutive lines starting with "> " form a quote; everything else is shown as written. */
function blocksOf(body: string): Block[] {
  const blocks: Block[] = [];
  for (const line of body.split('\n')) {
    const quote = line.startsWith('>');
    const text = quote ? line.replace(/^> ?/, '') : line;
    const last = blocks.at(-1);
    if (last && last.quote === quote) last.lines.push(text);
    else blocks.push({ quote, lines: [text] });
  }
  return blocks;
}

/** A post's text verbatim, with its line breaks, and quoted lines as a quote block. */
export function PostBody({ body }: { body: string }) {
  return (
    <Stack gap={6}>
      {blocksOf(body).map((block, i) =>
        block.quote ? (
          <Blockquote key={i} color="gray" p="xs" pl="md" radius="sm" data-testid="board-quote">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {block.lines.join('\n')}
            </Text>
          </Blockquote>
        ) : (
          <Text key={i} size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {block.lines.join('\n')}
          </Text>
        ),
      )}
    </Stack>
  );
}
