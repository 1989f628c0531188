// Which participants a Mermaid sequence diagram declares and which ones its messages and
// notes use: Mermaid silently adds an undeclared one, so a misspelt name becomes a new lifeline.

export type ParticipantUse = { id: string; line: number; via: 'message' | 'note' | 'activation' };

export type DiagramParticipants = { declared: Set<string>; used: ParticipantUse[] };

const declaration = /^(?:create\s+)?(?:participant|actor)\s+(.+?)(?:\s+as\s+.*)?$/i;
const message = /^(.+?)\s*(<<-->>|<<->>|-->>|->>|--x|-x|--\)|-\)|-->|->)\s*[+-]?\s*(.+?)\s*:.*$/;
const note = /^note\s+(?:over|left\s+of|right\s+of)\s+([^:]+?)\s*:.*$/i;
const activation = /^(?:activate|deactivate|destroy)\s+(.+)$/i;

function cleanId(raw: string): string {
  // `participant A@{ "type": "database" }` declares A.
  return raw.replace(/@\{.*$/, '').trim();
}

export function diagramParticipants(diagram: string): DiagramParticipants {
  const declared = new Set<string>();
  const used: ParticipantUse[] = [];
  diagram.split(/\r\n|\r|\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    const lineNumber = index + 1;
    if (line === '' || line.startsWith('%%')) return;
    const decl = declaration.exec(line);
    if (decl) {
      declared.add(cleanId(decl[1] as string));
      return;
    }
    const n = note.exec(line);
    if (n) {
      for (const id of (n[1] as string).split(',')) used.push({ id: id.trim(), line: lineNumber, via: 'note' });
      return;
    }
    const act = activation.exec(line);
    if (act) {
      used.push({ id: (act[1] as string).trim(), line: lineNumber, via: 'activation' });
      return;
    }
    const m = message.exec(line);
    if (m) {
      used.push({ id: (m[1] as string).trim(), line: lineNumber, via: 'message' });
      used.push({ id: (m[3] as string).trim(), line: lineNumber, via: 'message' });
    }
  });
  return { declared, used };
}

/** Participants used before or without any declaration, each reported once at its first use. */
export function undeclaredParticipants(diagram: string): ParticipantUse[] {
  const { declared, used } = diagramParticipants(diagram);
  const seen = new Set<string>();
  return used.filter((u) => {
    if (declared.has(u.id) || seen.has(u.id)) return false;
    seen.add(u.id);
    return true;
  });
}
