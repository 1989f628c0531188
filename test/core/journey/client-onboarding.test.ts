import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { clientOnboarding } from '../../../src/core/journey/client-onboarding';
import { allowedEvents, findStage, validateDefinition } from '../../../src/core/journey/definition';
import { SEED_ROLLBACK_TRIGGERS } from '../../../src/core/journey/rollback-schema';

/** Seed 003's STAGE_METRICS, verbatim. */
const STAGE_METRICS: Record<string, Record<string, { threshold: number; operator: string }>> = {
  sandbox: {
    connector_sync_rate: { threshold: 1.0, operator: '>=' },
    search_precision: { threshold: 0.8, operator: '>=' },
    security_vulnerabilities: { threshold: 0, operator: '==' },
  },
  pilot: {
    search_precision: { threshold: 0.85, operator: '>=' },
    user_satisfaction: { threshold: 4.0, operator: '>=' },
    bug_count: { threshold: 0, operator: '==' },
    p95_latency_ms: { threshold: 500, operator: '<=' },
  },
  production: {
    user_adoption: { threshold: 0.7, operator: '>=' },
    search_satisfaction: { threshold: 4.5, operator: '>=' },
    query_volume_growth: { threshold: 0.2, operator: '>=' },
  },
};

describe('client onboarding (seed 003)', () => {
  it('agrees with content/journeys/client-onboarding.json, which validates on its own', () => {
    const json: unknown = JSON.parse(readFileSync(new URL('../../../content/journeys/client-onboarding.json', import.meta.url), 'utf8'));
    const r = validateDefinition(json);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.definition).toEqual(clientOnboarding);
    expect(json).toEqual(JSON.parse(JSON.stringify(clientOnboarding)));
  });

  it('has the six stages of JourneyStage with their kinds', () => {
    expect(clientOnboarding.stages.map((s) => [s.id, s.kind, s.outcome ?? '-'])).toEqual([
      ['sandbox', 'active', '-'],
      ['pilot', 'active', '-'],
      ['production', 'active', '-'],
      ['rollback', 'rollback', '-'],
      ['completed', 'final', 'success'],
      ['cancelled', 'final', 'failure'],
    ]);
  });

  it('has the seven TransitionEvents and the TRANSITIONS map', () => {
    expect(clientOnboarding.events.map((e) => e.name)).toEqual([
      'start_journey',
      'promote_to_pilot',
      'promote_to_production',
      'initiate_rollback',
      'complete_rollback',
      'cancel_journey',
      'mark_complete',
    ]);
    const map = clientOnboarding.transitions.map((t) => `${t.from ?? 'None'} --${t.event}--> ${typeof t.to === 'string' ? t.to : 'rollback target'}`);
    expect(map).toEqual([
      'None --start_journey--> sandbox',
      'sandbox --promote_to_pilot--> pilot',
      'pilot --promote_to_production--> production',
      'production --mark_complete--> completed',
      'sandbox --initiate_rollback--> rollback',
      'pilot --initiate_rollback--> rollback',
      'production --initiate_rollback--> rollback',
      'sandbox --cancel_journey--> cancelled',
      'pilot --cancel_journey--> cancelled',
      'production --cancel_journey--> cancelled',
      'rollback --complete_rollback--> rollback target',
      'rollback --cancel_journey--> cancelled',
    ]);
    expect(allowedEvents(clientOnboarding, 'pilot')).toEqual(['promote_to_production', 'initiate_rollback', 'cancel_journey']);
  });

  it('gates promotions on exactly the STAGE_METRICS thresholds (plus the seed’s approval and 7-day window checks)', () => {
    for (const [stageId, metrics] of Object.entries(STAGE_METRICS)) {
      const exit = findStage(clientOnboarding, stageId)!.exitCriteria;
      for (const [metric, rule] of Object.entries(metrics)) {
        expect(exit.filter((c) => c.metric === metric).map((c) => ({ threshold: c.threshold, operator: c.operator }))).toEqual([rule]);
      }
      const extra = exit.filter((c) => !(c.metric in metrics)).map((c) => c.metric);
      expect(extra).toEqual(stageId === 'sandbox' ? ['stakeholder_demo_approved'] : stageId === 'pilot' ? ['days_in_stage'] : []);
    }
    const guards = clientOnboarding.transitions.filter((t) => t.event.startsWith('promote') || t.event === 'mark_complete').map((t) => t.guard);
    expect(guards).toEqual(['exit_criteria', 'exit_criteria', 'exit_criteria']);
  });

  it('declares the seven RollbackTriggers and the seed’s rollback conditions per stage', () => {
    expect(clientOnboarding.rollbackTriggers.map((t) => t.id)).toEqual(SEED_ROLLBACK_TRIGGERS.map((t) => t.id));
    expect(clientOnboarding.rollbackTriggers).toHaveLength(7);
    const rules = (id: string) => findStage(clientOnboarding, id)!.rollbackRules.map((r) => `${r.trigger}: ${r.metric} ${r.operator} ${r.threshold}`);
    expect(rules('sandbox')).toEqual(['security_vulnerability: security_vulnerabilities > 0', 'data_quality_low: data_quality_score < 0.8']);
    expect(rules('pilot')).toEqual(['user_satisfaction_low: user_satisfaction < 3.5', 'critical_bug: bug_count > 0', 'performance_degradation: performance_degradation > 0.2']);
    expect(rules('production')).toEqual(['major_incident: major_incident_count > 0', 'user_satisfaction_low: user_satisfaction < 4', 'performance_degradation: performance_degradation > 0.2']);
    expect(clientOnboarding.rollbackTarget).toEqual({ kind: 'previous' });
  });

  it('ships the seed’s sandbox unit of work and a rollback unit for every active stage', () => {
    const setup = findStage(clientOnboarding, 'sandbox')!.unitsOfWork[0]!;
    expect(setup.tasks.map((t) => [t.name, t.handler, t.input])).toEqual([
      ['Install Confluence connector', 'connector-installation-agent', { connector_type: 'confluence', auth_method: 'oauth2' }],
      ['Provision test dataset', 'dataset-provisioning-agent', { scenario: 'healthcare_demo', size: 'medium' }],
      ['Validate search quality', 'search-quality-agent', { precision_threshold: 0.8 }],
    ]);
    for (const id of ['sandbox', 'pilot', 'production']) expect(findStage(clientOnboarding, id)!.rollbackUnitOfWork?.tasks.length).toBeGreaterThan(0);
  });
});
