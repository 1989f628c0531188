// The COO router of seed 004 without a language model: scores the four skills with a transparent
// phrase scorer (weights and matched words returned), asks the chosen skill's open questions,
// composes a plan from the three patterns, and finds the library problem types the text describes.
import { z } from 'zod';
import { pct } from './format-number';
import { parseInput } from './validate-input';
import { findPhrase, tokenize } from './phrase-matcher';
import {
  CLARIFYING_QUESTIONS,
  DATA_CUES,
  PROBLEM_TYPE_CUES,
  PROBLEM_TYPES,
  SKILL_CUES,
  SKILL_NAMES,
  SKILLS,
  TRANSFORMATION_CUES,
  type Cue,
  type ProblemType,
  type SkillId,
} from './router-lexicon';
import { choosePlan, type Plan } from './plan-patterns';

export const routeInputSchema = z.object({
  problem: z.string().trim().min(1, 'describe the operational problem in a sentence or more').max(10_000, 'the problem text is over 10,000 characters'),
  /** Anything the user already has: steps, tasks, people, deadline, risks, kpis… */
  data: z.record(z.string(), z.unknown()).default({}),
});

export type RouteInput = z.input<typeof routeInputSchema>;

export interface CueMatch {
  phrase: string;
  weight: number;
  /** The words of the problem that matched, or "data: <key>". */
  matched: string;
  source: 'text' | 'data';
}

export interface SkillScore {
  skill: SkillId;
  name: string;
  score: number;
  /** Share of all points scored, 0–1. */
  share: number;
  matches: CueMatch[];
}

export interface QuestionStatus {
  id: string;
  question: string;
  answered: boolean;
  /** What answered it: a data key or the words of the problem. */
  answeredBy: string | null;
}

export interface ProblemTypeMatch {
  type: ProblemType;
  score: number;
  matches: CueMatch[];
}

export interface RouteResult {
  problem: string;
  scores: SkillScore[];
  chosen: SkillId | null;
  /** Open questions of the chosen skill: their answers are in neither the data nor the text. */
  questions: QuestionStatus[];
  answered: QuestionStatus[];
  plan: Plan | null;
  problemTypes: ProblemTypeMatch[];
  explanation: string[];
}

export function routeProblem(input: RouteInput): RouteResult {
  const { problem, data } = parseInput(routeInputSchema, input, 'The routing request');
  const tokens = tokenize(problem);
  const present = Object.keys(data).filter((k) => hasValue(data[k]));

  const raw = SKILLS.map((skill) => {
    const matches = [...matchCues(tokens, SKILL_CUES[skill]), ...DATA_CUES[skill].keys.filter((k) => present.includes(k)).map((k): CueMatch => ({ phrase: k, weight: DATA_CUES[skill].weight, matched: `data: ${k}`, source: 'data' }))];
    return { skill, name: SKILL_NAMES[skill], score: matches.reduce((s, m) => s + m.weight, 0), matches };
  });
  const total = raw.reduce((s, r) => s + r.score, 0);
  // Ties keep seed 004's order of the skills.
  const scores: SkillScore[] = raw.map((r) => ({ ...r, share: total === 0 ? 0 : r.score / total })).sort((a, b) => b.score - a.score || SKILLS.indexOf(a.skill) - SKILLS.indexOf(b.skill));
  const top = scores[0]!;
  const chosen = top.score > 0 ? top.skill : null;

  const statuses = chosen === null ? [] : CLARIFYING_QUESTIONS[chosen].map((q): QuestionStatus => {
    const key = q.answeredBy.find((k) => present.includes(k));
    if (key) return { id: q.id, question: q.question, answered: true, answeredBy: `data: ${key}` };
    const text = q.textAnswer?.exec(problem)?.[0];
    return text ? { id: q.id, question: q.question, answered: true, answeredBy: `text: "${text}"` } : { id: q.id, question: q.question, answered: false, answeredBy: null };
  });
  const transformationWords = matchCues(tokens, TRANSFORMATION_CUES).map((m) => m.matched);
  const byScore = Object.fromEntries(scores.map((s) => [s.skill, s.score])) as Record<SkillId, number>;
  const plan = chosen === null ? null : choosePlan(chosen, byScore, transformationWords);
  const problemTypes = PROBLEM_TYPES.map((type) => {
    const matches = matchCues(tokens, PROBLEM_TYPE_CUES[type]);
    return { type, score: matches.reduce((s, m) => s + m.weight, 0), matches };
  })
    .filter((p) => p.score > 0)
    .sort((a, b) => b.score - a.score || PROBLEM_TYPES.indexOf(a.type) - PROBLEM_TYPES.indexOf(b.type));

  const questions = statuses.filter((q) => !q.answered);
  const answered = statuses.filter((q) => q.answered);
  return { problem, scores, chosen, questions, answered, plan, problemTypes, explanation: explain(scores, chosen, questions, answered, plan, problemTypes) };
}

/** Library patterns sharing a problem type with the routed problem, most shared types first. */
export function linkPatterns<P extends { slug: string; title: string; problemTypes: ReadonlyArray<string> }>(
  problemTypes: ReadonlyArray<ProblemTypeMatch | ProblemType>,
  patterns: ReadonlyArray<P>,
): Array<{ pattern: P; sharedTypes: string[] }> {
  const wanted = problemTypes.map((p) => (typeof p === 'string' ? p : p.type));
  return patterns
    .map((pattern, i) => ({ pattern, i, sharedTypes: wanted.filter((t) => pattern.problemTypes.includes(t)) }))
    .filter((x) => x.sharedTypes.length > 0)
    .sort((a, b) => b.sharedTypes.length - a.sharedTypes.length || a.pattern.title.localeCompare(b.pattern.title) || a.i - b.i)
    .map(({ pattern, sharedTypes }) => ({ pattern, sharedTypes }));
}

function matchCues(tokens: ReadonlyArray<string>, cues: ReadonlyArray<Cue>): CueMatch[] {
  return cues.flatMap((cue) => {
    const matched = findPhrase(tokens, cue.phrase);
    return matched === null ? [] : [{ phrase: cue.phrase, weight: cue.weight, matched, source: 'text' as const }];
  });
}

function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function explain(
  scores: SkillScore[],
  chosen: SkillId | null,
  questions: QuestionStatus[],
  answered: QuestionStatus[],
  plan: Plan | null,
  problemTypes: ProblemTypeMatch[],
): string[] {
  const lines = scores.map(
    (s) =>
      `${s.name}: ${s.score}${s.score > 0 ? ` (${pct(s.share)}) from ${s.matches.map((m) => `"${m.matched}" +${m.weight}`).join(', ')}` : ' – no matching phrase'}.`,
  );
  if (chosen === null) {
    lines.unshift('No skill matched: describe what is slow, late, risky or unmeasured, or attach steps, tasks, risks or KPIs.');
    return lines;
  }
  const [first, second] = scores;
  const tie = second && second.score === first!.score ? ` (tied with ${second.name}; seed 004's order of the skills decides)` : '';
  lines.unshift(`Route to ${SKILL_NAMES[chosen]}: it scores ${first!.score} of ${scores.reduce((s, x) => s + x.score, 0)} points${tie}.`);
  lines.push(...answered.map((q) => `Already answered (${q.answeredBy}): ${q.question}`));
  lines.push(...(questions.length === 0 ? ['Every clarifying question is answered.'] : questions.map((q) => `To ask: ${q.question}`)));
  if (plan) lines.push(`Plan: ${plan.name}, because ${plan.reason}.`, ...plan.steps.map((s) => `  ${s.order}. ${s.step} → ${s.output}`));
  lines.push(
    problemTypes.length === 0
      ? 'No library problem type recognised.'
      : `Library problem types: ${problemTypes.map((p) => `${p.type} (${p.matches.map((m) => `"${m.matched}"`).join(', ')})`).join('; ')}.`,
  );
  return lines;
}
