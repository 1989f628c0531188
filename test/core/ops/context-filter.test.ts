import { describe, expect, it } from 'vitest';
import { alertSeverity, eventMatchesContext, formatContextParam, isAlertTopic, parseContextParam } from '../../../src/core/ops/context-filter';

describe('context selection', () => {
  it('reads kind:id (ids may hold colons) and says what is wrong otherwise', () => {
    expect(parseContextParam('journey:J-123')).toEqual({ ok: true, context: { kind: 'journey', id: 'J-123' } });
    expect(parseContextParam('agent:urn:x:1')).toEqual({ ok: true, context: { kind: 'agent', id: 'urn:x:1' } });
    expect(parseContextParam('J-123')).toMatchObject({ ok: false, message: expect.stringContaining('kind:id') });
    expect(parseContextParam('planet:earth')).toMatchObject({ ok: false, message: expect.stringContaining('unknown context kind "planet"') });
    expect(parseContextParam('queue:')).toMatchObject({ ok: false });
    expect(parseContextParam('queue:a b')).toMatchObject({ ok: false });
    expect(formatContextParam({ kind: 'client', id: 'acme' })).toBe('client:acme');
  });

  it('matches events by key or by the payload field the kind uses', () => {
    const task = { topic: 'task.failed', key: 'J-1', payload: { journeyId: 'J-1', handler: 'fetch', taskId: 'J-1/a' } };
    expect(eventMatchesContext({ kind: 'journey', id: 'J-1' }, task)).toBe(true);
    expect(eventMatchesContext({ kind: 'journey', id: 'J-2' }, task)).toBe(false);
    expect(eventMatchesContext({ kind: 'queue', id: 'fetch' }, task)).toBe(true);
    expect(eventMatchesContext({ kind: 'agent', id: 'fetch' }, task)).toBe(true);
    expect(eventMatchesContext({ kind: 'agent', id: 'other' }, task)).toBe(false);
    expect(eventMatchesContext({ kind: 'client', id: 'acme' }, { topic: 'journey.started', key: 'J-1', payload: { clientId: 'acme' } })).toBe(true);
    expect(eventMatchesContext({ kind: 'client', id: 'acme' }, task)).toBe(false);
    expect(eventMatchesContext({ kind: 'journey', id: 'task' }, { topic: 'task.enqueued', key: 'task/abc', payload: {} })).toBe(true);
  });

  it('treats failures, dead letters, breaches and rollbacks as alerts', () => {
    expect(['task.failed', 'sla.breached', 'journey.rollback.started', 'queue.dead_letters.purged', 'alert.sent'].every(isAlertTopic)).toBe(true);
    expect(isAlertTopic('task.completed')).toBe(false);
    expect(alertSeverity('task.failed')).toBe('critical');
    expect(alertSeverity('task.attempt_failed')).toBe('warning');
    expect(alertSeverity('task.completed')).toBe('info');
  });
});
