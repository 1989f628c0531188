// The pure agent rules: the traffic split (deterministic, proportional, retries explainable), the
// canary window verdicts, and the deployment state machine with its rejections.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY_DEPLOYMENT, NewAgentInput, TEMPLATE_CONFIGS, type DeploymentState } from '../../../src/core/agents/agent-schemas';
import { evaluateCanary } from '../../../src/core/agents/canary-window';
import { applyCommand, DeployInput, type DeploymentCommand } from '../../../src/core/agents/deployment-machine';
import { bucketOf, chooseVersion } from '../../../src/core/agents/traffic-split';

function step(d: DeploymentState, c: DeploymentCommand): DeploymentState {
  const t = applyCommand(d, c);
  if (!t.ok) throw new Error(t.reason);
  return { ...t.state, rolloutId: t.newRollout ? (d.rolloutId ?? 0) + 1 : d.rolloutId };
}
const canary = (version: number, extra: Record<string, unknown> = {}) => DeployInput.parse({ strategy: 'canary', version, ...extra });

describe('traffic split', () => {
  const d = step(step(EMPTY_DEPLOYMENT, { kind: 'provision', version: 1 }), canary(2, { steps: [10, 50, 100] }));

  it('is a function of task id and attempt only', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 50 }), (id, attempt) => {
        expect(chooseVersion(d, id, attempt)).toEqual(chooseVersion({ ...d }, id, attempt));
        expect(bucketOf(id, attempt)).toBeGreaterThanOrEqual(0);
        expect(bucketOf(id, attempt)).toBeLessThan(10_000);
      }),
    );
  });

  it('sends about the step share of 20 000 task ids to the candidate, at every step', () => {
    let cur = d;
    for (const share of [10, 50, 100]) {
      let candidate = 0;
      for (let i = 0; i < 20_000; i++) if (chooseVersion(cur, `task/batch${i % 7}/t-${i}`, 1)!.lane === 'candidate') candidate++;
      expect(Math.abs(candidate / 20_000 - share / 100)).toBeLessThan(0.015);
      if (share < 100) cur = step(cur, { kind: 'raise' });
    }
  });

  it('a task on the candidate stays there while the share rises (buckets under the old share are under the new one)', () => {
    const raised = step(d, { kind: 'raise' });
    for (let i = 0; i < 2000; i++) {
      if (chooseVersion(d, `t${i}`, 1)!.lane === 'candidate') expect(chooseVersion(raised, `t${i}`, 1)!.lane).toBe('candidate');
    }
  });

  it('a retry may land on another version, explained by its own bucket; after a rollback every attempt runs stable', () => {
    const lanes = new Set(Array.from({ length: 40 }, (_, a) => chooseVersion(d, 'task/x/1', a + 1)!.lane));
    expect(lanes).toEqual(new Set(['stable', 'candidate']));
    const back = step(d, { kind: 'rollback', reason: 'bad' });
    for (let a = 1; a <= 40; a++) expect(chooseVersion(back, 'task/x/1', a)).toMatchObject({ version: 1, lane: 'stable', share: 0 });
  });

  it('nothing deployed: no version', () => {
    expect(chooseVersion(EMPTY_DEPLOYMENT, 't', 1)).toBeNull();
  });
});

describe('canary window', () => {
  const d = step(step(EMPTY_DEPLOYMENT, { kind: 'provision', version: 1 }), canary(2, { threshold: { failureRate: 0.5, window: 10, minSample: 4 }, autoRaiseAfter: 3 }));
  const F = 'failed' as const;
  const S = 'succeeded' as const;

  it('waits for the minimum sample before rolling back', () => {
    expect(evaluateCanary(d, { recent: [F, F, F], successesAtStep: 0 }).kind).toBe('hold');
    const v = evaluateCanary(d, { recent: [F, F, F, F], successesAtStep: 0 });
    expect(v).toMatchObject({ kind: 'rollback', figures: { failures: 4, sample: 4, failureRate: 1, threshold: 0.5 } });
    expect(v.kind === 'rollback' && v.reason).toContain('failed 4 of its last 4 runs (100% ≥ threshold 50%)');
  });

  it('counts only the last window of runs', () => {
    // 5 failures long ago, then 10 successes: the window holds successes only.
    expect(evaluateCanary(d, { recent: [...Array(10).fill(S), F, F, F, F, F], successesAtStep: 1 }).figures).toMatchObject({ failures: 0, sample: 10 });
    expect(evaluateCanary(d, { recent: [F, S, F, S, F, S, F, S, S, S, F], successesAtStep: 0 })).toMatchObject({ kind: 'hold', figures: { failures: 4, sample: 10, failureRate: 0.4 } });
    expect(evaluateCanary(d, { recent: [F, S, F, S, F, S, F, S, F, S], successesAtStep: 0 }).kind).toBe('rollback');
  });

  it('raises after N successes at a step, promotes at the last step, holds when raised by hand', () => {
    expect(evaluateCanary(d, { recent: [S, S, S], successesAtStep: 3 }).kind).toBe('raise');
    const last = step(step(step(d, { kind: 'raise' }), { kind: 'raise' }), { kind: 'raise' });
    expect(evaluateCanary(last, { recent: [S, S, S], successesAtStep: 3 }).kind).toBe('promote');
    expect(evaluateCanary({ ...d, autoRaiseAfter: null }, { recent: [S, S, S], successesAtStep: 300 }).kind).toBe('hold');
    expect(evaluateCanary(step(d, { kind: 'promote' }), { recent: [F, F, F, F], successesAtStep: 0 }).kind).toBe('hold');
  });
});

describe('deployment state machine', () => {
  const v1 = step(EMPTY_DEPLOYMENT, { kind: 'provision', version: 1 });

  it('blue-green switches at once and switches back instantly', () => {
    const v2 = step(v1, DeployInput.parse({ strategy: 'blue-green', version: 2 }));
    expect(v2).toMatchObject({ stable: 2, previousStable: 1, candidate: null });
    const back = applyCommand(v2, { kind: 'rollback', reason: 'latency' });
    expect(back).toMatchObject({ ok: true, state: { stable: 1, previousStable: null }, row: { action: 'rollback', fromVersion: 2, toVersion: 1, reason: 'latency' } });
  });

  it('a canary rises through its steps, then promotes', () => {
    let d = step(v1, canary(2));
    const shares: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = applyCommand(d, { kind: 'raise' });
      if (!t.ok) throw new Error(t.reason);
      shares.push(t.row.share);
      d = t.state;
    }
    expect(shares).toEqual([25, 50, 100]);
    expect(applyCommand(d, { kind: 'raise' })).toEqual({ ok: false, reason: 'v2 already takes every task (100%): promote it' });
    expect(step(d, { kind: 'promote' })).toMatchObject({ stable: 2, previousStable: 1, candidate: null });
  });

  it('rejects what makes no sense, saying why', () => {
    const reasons = (d: DeploymentState, c: DeploymentCommand) => {
      const t = applyCommand(d, c);
      return t.ok ? 'accepted' : t.reason;
    };
    expect(reasons(EMPTY_DEPLOYMENT, canary(1))).toMatch(/needs a stable version/);
    expect(reasons(v1, canary(1))).toMatch(/is the stable version/);
    expect(reasons(v1, { kind: 'raise' })).toMatch(/no canary is running/);
    expect(reasons(v1, { kind: 'promote' })).toMatch(/nothing to promote/);
    expect(reasons(v1, { kind: 'rollback', reason: 'x' })).toMatch(/no earlier version/);
    const c2 = step(v1, canary(2));
    expect(reasons(c2, canary(3))).toMatch(/already in a canary/);
    expect(reasons(c2, DeployInput.parse({ strategy: 'blue-green', version: 3 }))).toMatch(/promote it or roll it back/);
    expect(reasons(c2, { kind: 'rollback', reason: '  ' })).toMatch(/needs a reason/);
    expect(reasons(v1, DeployInput.parse({ strategy: 'blue-green', version: 1 }))).toMatch(/already the stable/);
  });

  it('refuses bad steps and configurations with where they are', () => {
    expect(DeployInput.safeParse({ strategy: 'canary', version: 2, steps: [50, 25, 100] }).error?.issues[0]).toMatchObject({ path: ['steps'], message: 'canary steps must rise strictly' });
    expect(DeployInput.safeParse({ strategy: 'canary', version: 2, steps: [5, 50] }).error?.issues[0]?.message).toMatch(/last canary step is 100/);
    expect(TEMPLATE_CONFIGS.webhook.safeParse({ url: 'ftp://x', secretRef: 'plain-secret' }).error?.issues.map((i) => i.path[0])).toEqual(['url', 'secretRef']);
    expect(NewAgentInput.safeParse({ name: 'Bad Name', template: 'builtin', config: {} }).error?.issues[0]?.path).toEqual(['name']);
  });
});
