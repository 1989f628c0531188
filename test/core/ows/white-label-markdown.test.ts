import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTermMap, type TermMap } from '../../../src/core/ows/term-map';
import { whiteLabelText } from '../../../src/core/ows/white-label-markdown';

function mapOf(input: unknown): TermMap {
  const result = parseTermMap(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.map;
}

const CLIENT = mapOf({ L1: 'Tier 1 Zendesk', L2: 'Tier 2 Engineering', Queue: 'Salesforce Case Queue' });

const ARTICLE = `# Queue backlog

Tickets wait in the queue while L1 guesses. Run \`route --queue L1\` to see it.
See [the Queue guide](https://example.com/Queue "Queue") or https://example.com/L1 and <span title="L1">L1</span>.

![Queue chart](queue.png)

| Tier | Owner |
|------|-------|
| L1   | Queue &amp; \`L2\` |

> L2 says: the queue is
> never empty.

\`\`\`mermaid
sequenceDiagram
  participant L1
  L1->>Queue: Park ticket
\`\`\`

\`\`\`bash
echo "L1 Queue"
\`\`\`

- [ ] Train L1 on the new Queue
- [ ] Update the L2 runbook

[docs]: https://example.com/L2
`;

describe('whiteLabelText', () => {
  it('rewrites prose, headings, tables, quotes and lists, and leaves code, links, images and HTML alone', () => {
    const result = whiteLabelText(ARTICLE, CLIENT);
    expect(result.text).toBe(`# Salesforce Case Queue backlog

Tickets wait in the Salesforce Case Queue while Tier 1 Zendesk guesses. Run \`route --queue L1\` to see it.
See [the Salesforce Case Queue guide](https://example.com/Queue "Queue") or https://example.com/L1 and <span title="L1">Tier 1 Zendesk</span>.

![Queue chart](queue.png)

| Tier | Owner |
|------|-------|
| Tier 1 Zendesk   | Salesforce Case Queue &amp; \`L2\` |

> Tier 2 Engineering says: the Salesforce Case Queue is
> never empty.

\`\`\`mermaid
sequenceDiagram
  participant L1 as Tier 1 Zendesk
  participant Queue as Salesforce Case Queue
  L1->>Queue: Park ticket
\`\`\`

\`\`\`bash
echo "L1 Queue"
\`\`\`

- [ ] Train Tier 1 Zendesk on the new Salesforce Case Queue
- [ ] Update the Tier 2 Engineering runbook

[docs]: https://example.com/L2
`);
    expect(result.substitutions).toBe(12);
    expect(result.warnings).toEqual([]);
  });

  it('reports each Mermaid fence by its line with the diagram report', () => {
    const result = whiteLabelText(ARTICLE, CLIENT);
    expect(result.diagrams).toHaveLength(1);
    expect(result.diagrams[0]?.line).toBe(15);
    expect(result.diagrams[0]?.result.withinBudget).toBe(true);
    expect(result.diagrams[0]?.result.substitutions.map((s) => s.after)).toEqual(['Tier 1 Zendesk', 'Salesforce Case Queue']);
  });

  it('keeps Windows line endings', () => {
    const result = whiteLabelText('Queue\r\n\r\n- L1\r\n', CLIENT);
    expect(result.text).toBe('Salesforce Case Queue\r\n\r\n- Tier 1 Zendesk\r\n');
  });

  it('warns about a Mermaid diagram nested in a list and leaves it as it is', () => {
    const text = '- step\n\n  ```mermaid\n  sequenceDiagram\n  L1->>Queue: x\n  ```\n';
    const result = whiteLabelText(text, CLIENT);
    expect(result.text).toBe(text);
    expect(result.warnings).toEqual([{ line: 3, message: expect.stringContaining('inside a list or quote') }]);
  });

  it('changes nothing outside the replaced words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Queue', 'L1', 'the', '`L2`', '[L1](x/L1)', '\n', '\n\n', '- ', '# ', ' ', '**', '|', '```\nL1\n```\n'), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const result = whiteLabelText(text, CLIENT);
        const undone = result.text.replace(/Salesforce Case Queue/g, 'Queue').replace(/Tier 1 Zendesk/g, 'L1').replace(/Tier 2 Engineering/g, 'L2');
        expect(undone).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
