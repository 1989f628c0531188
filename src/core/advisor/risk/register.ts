// The risk register: each risk scored probability × impact (1–5 each), placed on the heat map,
// with its strategy, owner, triggers, key risk indicators and contingency, and what needs attention.
import { z } from 'zod';
import { fmt } from '../format-number';
import type { ErrorLocation } from '../../shared/error-codes';
import { zodIssuesToLocations } from '../../shared/zod-errors';
import { invalidInput } from '../validate-input';
import { assessKri, kriSchema, type KriStatus } from './key-risk-indicator';
import { buildHeatMap, type HeatMap } from './heat-map';
import { RISK_LEVELS, riskLevel, type RiskLevel } from './risk-level';

const scale = (field: string) =>
  z
    .number({ error: `${field} must be a number from 1 to 5` })
    .int(`${field} must be a whole number from 1 to 5`)
    .min(1, `${field} must be from 1 to 5`)
    .max(5, `${field} must be from 1 to 5`);

export const RISK_STRATEGIES = ['avoid', 'mitigate', 'transfer', 'accept'] as const;

export const riskSchema = z
  .object({
    id: z.string().trim().min(1, 'a risk needs an id'),
    title: z.string().trim().min(1, 'a risk needs a title'),
    description: z.string().trim().min(1).optional(),
    category: z.string().trim().min(1).optional(),
    probability: scale('probability'),
    impact: scale('impact'),
    strategy: z.enum(RISK_STRATEGIES, { error: 'strategy must be one of avoid, mitigate, transfer, accept' }),
    owner: z.string().trim().min(1, 'every risk needs an owner'),
    triggers: z.array(z.string().trim().min(1, 'a trigger must not be empty')).default([]),
    /** What is done now to lower probability or impact (avoid / mitigate / transfer). */
    mitigation: z.string().trim().min(1).optional(),
    /** What is done if the risk happens anyway. */
    contingency: z.string().trim().min(1).optional(),
    kris: z.array(kriSchema).default([]),
    /** Where the numbers come from, assumptions made. */
    notes: z.string().trim().min(1).optional(),
  });

export const riskRegisterSchema = z.object({
  name: z.string().trim().min(1).default('Risk register'),
  risks: z.array(riskSchema).min(1, 'a register needs at least one risk'),
});

export type Risk = z.infer<typeof riskSchema>;
export type RiskRegister = z.infer<typeof riskRegisterSchema>;
export type RiskRegisterInput = z.input<typeof riskRegisterSchema>;

export interface AssessedRisk extends Risk {
  score: number;
  level: RiskLevel;
  kriStatus: KriStatus[];
  /** Things the owner should fix in the register or act on now. */
  attention: string[];
}

export interface RiskAnalysis {
  name: string;
  /** Highest score first; ties in register order. */
  risks: AssessedRisk[];
  heatMap: HeatMap;
  byLevel: Record<RiskLevel, number>;
  breachedKris: Array<{ riskId: string; kri: string }>;
  explanation: string[];
}

/** Validates a register; rules across fields run even when other fields are wrong, so every error shows at once. */
export function parseRiskRegister(input: unknown): RiskRegister {
  const result = riskRegisterSchema.safeParse(input);
  const errors = [...(result.success ? [] : zodIssuesToLocations(result.error.issues)), ...crossFieldErrors(input)];
  if (errors.length > 0 || !result.success) throw invalidInput('The risk register', errors);
  return result.data;
}

function crossFieldErrors(input: unknown): ErrorLocation[] {
  const risks = typeof input === 'object' && input !== null && Array.isArray((input as { risks?: unknown }).risks) ? ((input as { risks: unknown[] }).risks) : [];
  const errors: ErrorLocation[] = [];
  const seen = new Map<string, number>();
  risks.forEach((raw, i) => {
    if (typeof raw !== 'object' || raw === null) return;
    const risk = raw as Record<string, unknown>;
    const strategy = risk['strategy'];
    const mitigation = risk['mitigation'];
    if ((strategy === 'avoid' || strategy === 'mitigate' || strategy === 'transfer') && (typeof mitigation !== 'string' || mitigation.trim() === '')) {
      errors.push({ pointer: `/risks/${i}/mitigation`, message: `strategy "${strategy}" needs a mitigation: what will be done about the risk` });
    }
    const id = typeof risk['id'] === 'string' ? risk['id'].trim() : undefined;
    if (!id) return;
    const first = seen.get(id);
    if (first !== undefined) errors.push({ pointer: `/risks/${i}/id`, message: `duplicate risk id "${id}" (first used by risk ${first + 1})` });
    else seen.set(id, i);
  });
  return errors;
}

export function analyzeRisks(input: RiskRegisterInput): RiskAnalysis {
  const register = parseRiskRegister(input);
  const assessed = register.risks
    .map((risk, i) => ({ risk: assessRisk(risk), i }))
    .sort((a, b) => b.risk.score - a.risk.score || a.i - b.i)
    .map(({ risk }) => risk);
  const byLevel = Object.fromEntries(RISK_LEVELS.map((l) => [l, assessed.filter((r) => r.level === l).length])) as Record<RiskLevel, number>;
  const breachedKris = assessed.flatMap((r) => r.kriStatus.filter((k) => k.state === 'breached').map((k) => ({ riskId: r.id, kri: k.name })));
  const explanation = [
    `${register.name}: ${assessed.length} ${assessed.length === 1 ? 'risk' : 'risks'} – ${RISK_LEVELS.slice().reverse().map((l) => `${byLevel[l]} ${l}`).join(', ')}.`,
    ...assessed.map(
      (r) => `${r.id} ${r.title}: probability ${r.probability} × impact ${r.impact} = ${r.score} (${r.level}); ${r.strategy}, owner ${r.owner}.`,
    ),
    ...assessed.flatMap((r) => r.kriStatus.map((k) => `${r.id} – ${k.explanation}`)),
    ...assessed.flatMap((r) => r.attention.map((a) => `${r.id} needs attention: ${a}`)),
  ];
  if (breachedKris.length === 0) explanation.push('No key risk indicator is breached.');
  return { name: register.name, risks: assessed, heatMap: buildHeatMap(assessed), byLevel, breachedKris, explanation };
}

function assessRisk(risk: Risk): AssessedRisk {
  const score = risk.probability * risk.impact;
  const level = riskLevel(score);
  const kriStatus = risk.kris.map(assessKri);
  const attention: string[] = [];
  const serious = level === 'high' || level === 'critical';
  if (serious && risk.strategy === 'accept') attention.push(`accepting a ${level} risk (score ${score}) needs an explicit sign-off.`);
  if (serious && risk.contingency === undefined) attention.push(`a ${level} risk needs a contingency: what happens if it occurs.`);
  if (serious && risk.triggers.length === 0 && risk.kris.length === 0) attention.push('no trigger or key risk indicator says when it is happening.');
  for (const k of kriStatus.filter((x) => x.state === 'breached')) {
    attention.push(
      `${k.name} is breached (${fmt(k.current ?? 0)} against ${fmt(k.threshold)})${risk.contingency ? `; contingency: ${risk.contingency}` : '; no contingency is written down.'}`,
    );
  }
  return { ...risk, score, level, kriStatus, attention };
}
