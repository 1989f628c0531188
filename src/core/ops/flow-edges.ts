// The flow view of the task queues: handlers as nodes with their task counts, and edges along task
// dependencies (upstream handler → downstream handler) with how many tasks moved or wait on each,
// plus the Mermaid flowchart text of it (ids derived, labels escaped: user names never become syntax).
export interface FlowNodeRow {
  handler: string;
  status: string;
  count: number;
}

export interface FlowEdgeRow {
  from: string;
  to: string;
  /** Status of the downstream task. */
  status: string;
  count: number;
}

export interface FlowNode {
  queue: string;
  counts: Record<string, number>;
  total: number;
}

export interface FlowEdge {
  from: string;
  to: string;
  /** Downstream tasks that went past the dependency (running or finished). */
  moved: number;
  /** Downstream tasks still pending behind it. */
  waiting: number;
}

export interface Flow {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

export function buildFlow(nodeRows: readonly FlowNodeRow[], edgeRows: readonly FlowEdgeRow[]): Flow {
  const nodes = new Map<string, FlowNode>();
  const node = (queue: string): FlowNode => {
    let n = nodes.get(queue);
    if (!n) {
      n = { queue, counts: {}, total: 0 };
      nodes.set(queue, n);
    }
    return n;
  };
  for (const r of nodeRows) {
    const n = node(r.handler);
    n.counts[r.status] = (n.counts[r.status] ?? 0) + r.count;
    n.total += r.count;
  }
  const edges = new Map<string, FlowEdge>();
  for (const r of edgeRows) {
    node(r.from);
    node(r.to);
    const key = JSON.stringify([r.from, r.to]);
    const e = edges.get(key) ?? { from: r.from, to: r.to, moved: 0, waiting: 0 };
    if (r.status === 'pending') e.waiting += r.count;
    else e.moved += r.count;
    edges.set(key, e);
  }
  return {
    nodes: [...nodes.values()].sort((a, b) => a.queue.localeCompare(b.queue)),
    edges: [...edges.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
  };
}

/** Mermaid needs quoted labels free of its own syntax: quotes and angle brackets become entities. */
export function mermaidLabel(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').slice(0, 80);
}

export function flowMermaid(flow: Flow): string {
  const ids = new Map(flow.nodes.map((n, i) => [n.queue, `q${i}`] as const));
  // SVG text labels: the portal passes Mermaid's SVG through DOMPurify, which drops HTML labels.
  const lines = ['%%{init: {"htmlLabels": false, "flowchart": {"htmlLabels": false}}}%%', 'flowchart LR'];
  for (const n of flow.nodes) {
    const parts = ['pending', 'running', 'completed', 'failed'].filter((s) => (n.counts[s] ?? 0) > 0).map((s) => `${s} ${n.counts[s]}`);
    lines.push(`  ${ids.get(n.queue)}["${mermaidLabel(n.queue)}${parts.length ? `<br/>${parts.join(', ')}` : ''}"]`);
  }
  for (const e of flow.edges) {
    const label = [e.moved ? `${e.moved} moved` : '', e.waiting ? `${e.waiting} waiting` : ''].filter(Boolean).join(', ');
    lines.push(`  ${ids.get(e.from)} -->${label ? `|"${label}"|` : ''} ${ids.get(e.to)}`);
  }
  return `${lines.join('\n')}\n`;
}
