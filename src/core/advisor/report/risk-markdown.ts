// Markdown report of a risk register: the heat map as a 5×5 table, the ranked register, and
// what needs attention.
import type { RiskAnalysis } from '../risk/register';
import { bullets, document, markdownTable } from './markdown-table';

export function riskMarkdown(analysis: RiskAnalysis): string {
  const heat = markdownTable(
    ['impact \\ probability', '1', '2', '3', '4', '5'],
    analysis.heatMap.rows.map((row) => [String(row[0]!.impact), ...row.map((c) => (c.count === 0 ? `· (${c.level})` : `**${c.ids.join(', ')}** (${c.level})`))]),
    ['left', 'center', 'center', 'center', 'center', 'center'],
  );
  const register = markdownTable(
    ['id', 'risk', 'P', 'I', 'score', 'level', 'strategy', 'owner', 'triggers', 'mitigation', 'contingency', 'key risk indicators'],
    analysis.risks.map((r) => [
      r.id,
      r.title,
      r.probability,
      r.impact,
      r.score,
      r.level,
      r.strategy,
      r.owner,
      r.triggers.join('; '),
      r.mitigation ?? null,
      r.contingency ?? null,
      r.kriStatus.map((k) => `${k.name}: ${k.state}`).join('; '),
    ]),
  );
  const attention = analysis.risks.flatMap((r) => r.attention.map((a) => `${r.id}: ${a}`));
  return document(
    `# ${analysis.name}`,
    bullets([analysis.explanation[0]!]),
    '## Heat map',
    heat,
    '## Register',
    register,
    '## Needs attention',
    attention.length === 0 ? 'Nothing: every serious risk has a contingency and a signal, and no indicator is breached.' : bullets(attention),
  );
}
