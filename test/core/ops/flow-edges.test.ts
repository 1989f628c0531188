import { describe, expect, it } from 'vitest';
import { buildFlow, flowMermaid } from '../../../src/core/ops/flow-edges';

describe('queue flow', () => {
  it('counts tasks per queue and splits edges into moved and waiting by the downstream status', () => {
    const flow = buildFlow(
      [{ handler: 'fetch', status: 'completed', count: 3 }, { handler: 'index', status: 'pending', count: 2 }, { handler: 'index', status: 'completed', count: 1 }],
      [{ from: 'fetch', to: 'index', status: 'pending', count: 2 }, { from: 'fetch', to: 'index', status: 'completed', count: 1 }, { from: 'index', to: 'notify', status: 'pending', count: 1 }],
    );
    expect(flow.nodes.map((n) => [n.queue, n.total, n.counts])).toEqual([
      ['fetch', 3, { completed: 3 }],
      ['index', 3, { pending: 2, completed: 1 }],
      ['notify', 0, {}],
    ]);
    expect(flow.edges).toEqual([
      { from: 'fetch', to: 'index', moved: 1, waiting: 2 },
      { from: 'index', to: 'notify', moved: 0, waiting: 1 },
    ]);
  });

  it('writes a Mermaid flowchart whose ids are generated and whose labels cannot inject syntax', () => {
    const flow = buildFlow([{ handler: 'evil"]-->x[<img src=x onerror=alert(1)>', status: 'failed', count: 1 }, { handler: 'ok', status: 'pending', count: 1 }], [{ from: 'evil"]-->x[<img src=x onerror=alert(1)>', to: 'ok', status: 'pending', count: 1 }]);
    const text = flowMermaid(flow);
    expect(text.split('\n').slice(0, 2)).toEqual(['%%{init: {"htmlLabels": false, "flowchart": {"htmlLabels": false}}}%%', 'flowchart LR']);
    expect(text).toContain('q0["evil#quot;]--#gt;x[#lt;img src=x onerror=alert(1)#gt;<br/>failed 1"]');
    expect(text).toContain('q0 -->|"1 waiting"| q1');
    expect(text).not.toContain('<img');
  });
});
