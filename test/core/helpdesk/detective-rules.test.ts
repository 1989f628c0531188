// Each Issue Detective rule over a history built here: it fires on the pattern, names the facts,
// lists the evidence, and stays quiet when the pattern is absent.
import { describe, expect, it } from 'vitest';
import type { DetectiveEvent, DetectiveInput } from '../../../src/core/helpdesk/detective-input';
import { errorSignature, investigate } from '../../../src/core/helpdesk/detective-rules';

const NOW = '2026-11-22T12:00:00.000Z';
const at = (minAgo: number) => new Date(Date.parse(NOW) - minAgo * 60_000).toISOString();
let nextId = 1;
const ev = (topic: string, payload: Record<string, unknown>, minAgo = 5): DetectiveEvent => ({ id: nextId++, topic, key: 'j1', payload, createdAt: at(minAgo) });
const base = (over: Partial<DetectiveInput>): DetectiveInput => ({ now: NOW, events: [], tasks: [], validations: [], rollbacks: [], tickets: [], journeys: [], ...over });
const fail = (taskId: string, attempt: number, error: string, handler = 'billing') => ev('task.attempt_failed', { taskId, attempt, error, handler, journeyId: 'j1', worker: 'w1' });

describe('repeated handler errors', () => {
  it('fires at three failures with the same error (numbers ignored), critical once dead-lettered', () => {
    const events = [fail('t1', 1, 'timeout after 30s'), fail('t1', 2, 'timeout after 31s'), ev('task.failed', { taskId: 't1', attempt: 3, handler: 'billing', journeyId: 'j1', error: 'gave up after 3 failed attempts (max retries 2); last error: timeout after 29s' })];
    const [f] = investigate(base({ events, journeys: [{ journeyId: 'j1', clientId: 'c1', status: 'active', currentStage: 's', stageStartedAt: at(1) }] }));
    expect(f).toMatchObject({ kind: 'repeated_handler_errors', severity: 'critical', playbookId: 'handler-errors', about: { type: 'handler', id: 'billing' }, clientId: 'c1' });
    expect(f!.explanation).toContain('failed 3 times');
    expect(f!.explanation).toContain('"timeout after 29s"');
    expect(f!.evidence.map((e) => e.id)).toEqual(events.map((e) => String(e.id)));
    expect(errorSignature('gave up after 2 failed attempts (max retries 1); last error: x 5')).toBe('x #');
  });

  it('stays quiet below the threshold or when errors differ, and is high while retries go on', () => {
    expect(investigate(base({ events: [fail('t1', 1, 'a'), fail('t1', 2, 'a')] }))).toEqual([]);
    expect(investigate(base({ events: [fail('t1', 1, 'a'), fail('t1', 2, 'b'), fail('t1', 3, 'c')] }))).toEqual([]);
    expect(investigate(base({ events: [fail('t1', 1, 'a'), fail('t2', 1, 'a'), fail('t3', 1, 'a')] }))[0]).toMatchObject({ severity: 'high' });
  });
});

describe('failed gates', () => {
  const check = (name: string, passed: boolean, actual: number | null) => ({ name, passed, actual_value: actual, expected_value: '>= 0.8', message: `${name} check` });
  it('names each failing check with actual and expected values', () => {
    const v = { id: 7, journeyId: 'j1', stage: 'pilot', event: 'go_live', targetStage: 'production', passed: false, checks: [check('accuracy', false, 0.5), check('uptime', true, 0.99), check('nps', false, null)], createdAt: at(3) };
    const [f] = investigate(base({ validations: [v] }));
    expect(f).toMatchObject({ kind: 'failed_gate', title: 'Gate pilot → production failed on 2 checks', playbookId: 'failed-gate' });
    expect(f!.explanation).toContain('accuracy was 0.5, expected >= 0.8');
    expect(f!.explanation).toContain('nps was not reported');
    expect(f!.evidence.map((e) => e.id)).toEqual(['7', '7#accuracy', '7#nps']);
  });
  it('ignores a gate that later passed', () => {
    const failed = { id: 1, journeyId: 'j1', stage: 'a', event: 'e', targetStage: 'b', passed: false, checks: [check('x', false, 0)], createdAt: at(9) };
    expect(investigate(base({ validations: [failed, { ...failed, id: 2, passed: true, checks: [check('x', true, 1)] }] }))).toEqual([]);
  });
});

describe('expired leases', () => {
  it('reports the lost lease and the claim that followed (worker crash suspected)', () => {
    const events = [ev('task.started', { taskId: 't9', worker: 'w-a', handler: 'h' }, 10), ev('task.attempt_failed', { taskId: 't9', worker: 'w-a', handler: 'h', error: 'lease expired: worker w-a stopped renewing it' }, 8), ev('task.started', { taskId: 't9', worker: 'w-b', handler: 'h' }, 8)];
    const [f] = investigate(base({ events }));
    expect(f).toMatchObject({ kind: 'expired_lease', playbookId: 'worker-crash', about: { id: 't9' } });
    expect(f!.explanation).toContain('worker w-a');
    expect(f!.explanation).toContain('claimed again by worker w-b');
    expect(f!.evidence.map((e) => e.id)).toEqual([String(events[1]!.id), String(events[2]!.id)]);
  });
});

describe('dead-letter growth', () => {
  const dl = (id: string, minAgo: number, handler = 'q1') => ({ id, journeyId: null, name: id, handler, status: 'failed', totalAttempts: 3, lastError: 'boom', deadLetteredAt: at(minAgo) });
  it('fires when a queue dead-letters more in the last hour than the hour before', () => {
    const [f] = investigate(base({ tasks: [dl('a', 5), dl('b', 10), dl('c', 20), dl('d', 90)] }));
    expect(f).toMatchObject({ kind: 'dead_letter_growth', about: { type: 'queue', id: 'q1' } });
    expect(f!.explanation).toContain('3 tasks of queue q1');
    expect(f!.explanation).toContain('against 1 in the 60 minutes before');
    expect(f!.evidence.map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
  it('stays quiet when the count is flat or falling', () => {
    expect(investigate(base({ tasks: [dl('a', 5), dl('b', 10), dl('c', 20), dl('d', 70), dl('e', 80), dl('f', 90)] }))).toEqual([]);
  });
});

describe('SLA', () => {
  const clock = (status: 'running' | 'breached' | 'met', fraction: number) => ({ metric: 'first_response', status, fraction, warningFraction: 0.8, breachedAt: status === 'breached' ? at(2) : null, warnedAt: null });
  it('reports a breach as critical and a clock past its warning as a warning', () => {
    const fs = investigate(base({ tickets: [{ id: 'T-1', subject: 'Down', clientId: 'c1', status: 'open', clocks: [clock('breached', 1.2)] }, { id: 'T-2', subject: 'Slow', clientId: 'c1', status: 'open', clocks: [clock('running', 0.9)] }, { id: 'T-3', subject: 'Fine', clientId: 'c1', status: 'open', clocks: [clock('running', 0.2)] }] }));
    expect(fs.map((f) => [f.kind, f.severity, f.about.id])).toEqual([['sla_breach', 'critical', 'T-1'], ['sla_warning', 'medium', 'T-2']]);
    expect(fs[1]!.explanation).toContain('used 90% of its first_response time');
  });
});

describe('rollbacks and stuck journeys', () => {
  it('reports an automatic canary rollback with its reason', () => {
    const [f] = investigate(base({ events: [ev('agent.rolled_back', { agent: 'scorer', automatic: true, reason: 'failure rate 40% over 20%' })] }));
    expect(f).toMatchObject({ kind: 'canary_rolled_back', about: { type: 'agent', id: 'scorer' } });
    expect(f!.explanation).toContain('failure rate 40% over 20%');
  });
  it('reports an active journey with no open task for over an hour, naming its dead letters', () => {
    const j = { journeyId: 'j1', clientId: 'c1', status: 'active', currentStage: 'setup', stageStartedAt: at(120) };
    const dead = { id: 't1', journeyId: 'j1', name: 'x', handler: 'h', status: 'failed', totalAttempts: 4, lastError: 'nope', deadLetteredAt: at(200) };
    const [f] = investigate(base({ journeys: [j], tasks: [dead] }));
    expect(f).toMatchObject({ kind: 'stuck_journey', severity: 'high', playbookId: 'stuck-journey' });
    expect(f!.evidence.map((e) => e.id)).toEqual(['j1', 't1']);
    expect(investigate(base({ journeys: [j], tasks: [{ ...dead, status: 'pending', deadLetteredAt: null }] }))).toEqual([]);
    expect(investigate(base({ journeys: [{ ...j, stageStartedAt: at(10) }] }))).toEqual([]);
  });
});
