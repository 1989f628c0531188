// The catalog's flagship, content/patterns/support-ticket-escalation-backlog.json, checked as a
// pattern must be to publish, plus what the issue asks of this one in particular.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parsePatternText } from '../../../src/core/ows/parse-pattern';
import { evaluateGates } from '../../../src/core/ows/quality-gates';
import { staleOutputs } from '../../../src/core/ows/ows-interchange';
import { FLAGSHIP_PATH, flagship, validateReferenceOws } from './pattern-fixtures';

describe('flagship pattern: Support Ticket Escalation Backlog', () => {
  it('is a valid pattern file under its slug', () => {
    const result = parsePatternText(readFileSync(FLAGSHIP_PATH, 'utf8'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.library.slug).toBe('support-ticket-escalation-backlog');
    expect(FLAGSHIP_PATH.endsWith(`${flagship().library.slug}.json`)).toBe(true);
  });

  it('passes the schema, budget and HQO gates', () => {
    const report = evaluateGates(JSON.parse(readFileSync(FLAGSHIP_PATH, 'utf8')));
    expect(report.failures).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.scorecard?.totalScore).toBeGreaterThanOrEqual(30);
  });

  it('exports an OWS document that validates against the reference schema', () => {
    expect(validateReferenceOws(flagship().ows), JSON.stringify(validateReferenceOws.errors)).toBe(true);
  });

  it('orchestrates with a Smart Router and an SLA Monitor', () => {
    const p = flagship();
    const label = (id: string) => p.ows.actors.find((a) => a.id === id)?.label ?? '';
    const used = new Set([...p.ows.flows.toBe.steps, ...p.ows.flows.altDecisionPoints.flatMap((d) => d.branches.flatMap((b) => b.steps))].flatMap((s) => [s.from, s.to]));
    const labels = [...used].map(label);
    expect(labels.some((l) => l.includes('Smart Router'))).toBe(true);
    expect(labels.some((l) => l.includes('SLA Monitor'))).toBe(true);
    expect(p.library.components.map((c) => c.name)).toEqual(expect.arrayContaining(['Smart Router', 'SLA Monitor']));
  });

  it('has exactly six checklist items: router design and implementation, monitor design and alerts, runbook, training', () => {
    const summaries = flagship().library.checklist.map((i) => i.summary);
    expect(summaries).toHaveLength(6);
    const expected = [/^Design the Smart Router/, /^Implement the Smart Router/, /^Design the SLA Monitor/, /^Implement SLA Monitor alerts/, /runbook/i, /^Train /];
    expected.forEach((pattern, i) => expect(summaries[i]).toMatch(pattern));
  });

  it('states realistic numbers, rollback scenarios and what it does not solve', () => {
    const p = flagship();
    expect(p.library.slaTargets.every((s) => s.targetMinutes >= 30 && s.warnAtPercent < 100)).toBe(true);
    expect(p.ows.caseDefinition.assumptions.filter((a) => /\d/.test(a)).length).toBeGreaterThanOrEqual(3);
    expect(p.library.failureScenarios.some((f) => /roll back|fall(s)? back/i.test(f.response))).toBe(true);
    expect(p.library.narrative.doesNotSolve.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps its stored outputs equal to the computed ones', () => {
    expect(staleOutputs(flagship())).toEqual([]);
  });
});
