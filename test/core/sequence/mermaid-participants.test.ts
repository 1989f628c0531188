import { describe, it, expect } from 'vitest';
import { diagramParticipants, undeclaredParticipants } from '../../../src/core/sequence/mermaid-participants';

describe('diagramParticipants', () => {
  it('reads declarations with aliases, actors, create and config', () => {
    const { declared } = diagramParticipants(
      'sequenceDiagram\n  participant Manager as 👨‍💼 Manager\n  actor VP\n  create participant Bot\n  participant DB@{ "type": "database" }',
    );
    expect([...declared]).toEqual(['Manager', 'VP', 'Bot', 'DB']);
  });

  it('reads the participants of every arrow, note and activation', () => {
    const { used } = diagramParticipants(
      [
        'sequenceDiagram',
        '  A->>B: one',
        '  B-->>A: two',
        '  A-)C: async',
        '  Agent-1->>+Agent-2: dashed ids',
        '  Note over A,B: spans',
        '  Note right of C: side',
        '  activate D',
        '  %% A->>Z: a comment',
      ].join('\n'),
    );
    expect(used.map((u) => `${u.id}@${u.line}/${u.via}`)).toEqual([
      'A@2/message', 'B@2/message', 'B@3/message', 'A@3/message', 'A@4/message', 'C@4/message',
      'Agent-1@5/message', 'Agent-2@5/message', 'A@6/note', 'B@6/note', 'C@7/note', 'D@8/activation',
    ]);
  });

  it('reports each undeclared participant once, at its first use', () => {
    const undeclared = undeclaredParticipants('sequenceDiagram\n  participant A\n  A->>B: x\n  B->>A: y\n  A->>C: z');
    expect(undeclared.map((u) => [u.id, u.line])).toEqual([['B', 3], ['C', 5]]);
  });
});
