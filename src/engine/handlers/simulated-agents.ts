// Stand-ins for the agents seed 003's client onboarding names, so the built-in journey runs out of
// the box. Each only acknowledges its task (it reports no metrics: those come from the real
// client); registering a webhook handler with the same name replaces the stand-in.
import type { TaskHandler } from './handler-types';

const AGENTS: ReadonlyArray<{ name: string; does: string }> = [
  { name: 'connector-installation-agent', does: 'installs or removes data-source connectors' },
  { name: 'dataset-provisioning-agent', does: 'provisions or removes the test dataset' },
  { name: 'search-quality-agent', does: 'runs the search-quality check' },
  { name: 'security-scan-agent', does: 'runs the security scan' },
  { name: 'deployment-agent', does: 'changes who has access to the deployment' },
  { name: 'survey-agent', does: 'sends the user-feedback survey' },
  { name: 'performance-test-agent', does: 'runs the load test' },
  { name: 'notification-agent', does: 'notifies users or stakeholders' },
];

function simulate(agent: string, does: string): TaskHandler {
  return async (ctx) => ({ simulated: true, agent, summary: `${agent} (simulated) ${does}`, input: ctx.input, idempotencyKey: ctx.idempotencyKey });
}

export const SIMULATED_AGENTS: ReadonlyArray<{ name: string; description: string; run: TaskHandler }> = AGENTS.map((a) => ({
  name: a.name,
  description: `Simulated stand-in that ${a.does}; register a webhook handler named ${a.name} to use a real agent`,
  run: simulate(a.name, a.does),
}));
