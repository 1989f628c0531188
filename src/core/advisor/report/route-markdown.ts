// Markdown report of a routing decision: the skill scores with their matched phrases, the open
// questions, the composed plan and the library problem types.
import { pct } from '../format-number';
import { SKILL_NAMES } from '../router-lexicon';
import type { RouteResult } from '../router';
import { bullets, document, markdownTable } from './markdown-table';

export function routeMarkdown(result: RouteResult): string {
  return document(
    '# Operational advice',
    `> ${result.problem.replace(/\r?\n/g, ' ')}`,
    result.chosen === null ? '**No skill matched.**' : `**Route to ${SKILL_NAMES[result.chosen]}.**`,
    '## Skill scores',
    markdownTable(
      ['skill', 'score', 'share', 'matched'],
      result.scores.map((s) => [s.name, s.score, pct(s.share), s.matches.map((m) => `${m.matched} (+${m.weight})`).join(', ')]),
      ['left', 'right', 'right', 'left'],
    ),
    '## Questions',
    result.chosen === null
      ? 'Describe what is slow, late, risky or unmeasured.'
      : bullets([...result.questions.map((q) => `**Open:** ${q.question}`), ...result.answered.map((q) => `Answered (${q.answeredBy}): ${q.question}`)]),
    result.plan ? `## Plan: ${result.plan.name}\n\nChosen because ${result.plan.reason}.\n\n${result.plan.steps.map((s) => `${s.order}. **${s.step}** → ${s.output}`).join('\n')}` : null,
    '## Library problem types',
    result.problemTypes.length === 0 ? 'None recognised.' : bullets(result.problemTypes.map((p) => `${p.type}: ${p.matches.map((m) => m.matched).join(', ')}`)),
  );
}
