// Every route module of the API, registered in one place. A capability adds one line here.
import type { Runtime } from '../../engine/runtime';
import type { App } from '../types';
import { registerAdvisorRoutes } from './advisor-routes';
import { registerAgentRoutes } from './agent-routes';
import { registerEventRoutes } from './event-routes';
import { registerHealthRoutes } from './health-routes';
import { registerInfoRoutes } from './info-routes';
import { registerPatternRoutes } from './pattern-routes';
import { registerJourneyRoutes } from './journey-routes';
import { registerSequenceRoutes } from './sequence-routes';
import { registerSessionRoutes } from './session-routes';
import { registerTaskRoutes } from './task-routes';
import { registerMetricsRoutes } from './metrics-routes';
import { registerSimRoutes } from './sim-routes';
import { registerTokenRoutes } from './token-routes';
import { registerSlaRoutes } from './sla-routes';
import { registerAlertRoutes } from './alert-routes';
import { registerTicketRoutes } from './ticket-routes';
import { registerQueueRoutes } from './queue-routes';
import { registerStatusRoutes } from './status-routes';
import { registerContextRoutes } from './context-routes';
import { registerWorkspaceRoutes } from './workspace-routes';
import { registerHelpdeskRoutes } from './helpdesk-routes';
import type client from 'prom-client';

export interface RouteOptions {
  version: string;
  readOnly: boolean;
  signInRateLimit: number;
  registry: client.Registry;
}

export async function registerRoutes(app: App, runtime: Runtime, opts: RouteOptions): Promise<void> {
  registerHealthRoutes(app, runtime, opts.registry);
  registerInfoRoutes(app, runtime, opts.version, opts.readOnly);
  registerSessionRoutes(app, runtime, { signInRateLimit: opts.signInRateLimit, secureCookie: false });
  registerTokenRoutes(app, runtime);
  registerTicketRoutes(app, runtime);
  registerEventRoutes(app, runtime);
  registerAdvisorRoutes(app, runtime);
  registerSequenceRoutes(app, runtime);
  registerPatternRoutes(app, runtime);
  registerJourneyRoutes(app, runtime);
  registerTaskRoutes(app, runtime);
  registerSlaRoutes(app, runtime);
  registerAlertRoutes(app, runtime);
  registerAgentRoutes(app, runtime);
  registerMetricsRoutes(app, runtime);
  registerSimRoutes(app, runtime);
  registerQueueRoutes(app, runtime);
  registerStatusRoutes(app, runtime);
  registerContextRoutes(app, runtime);
  registerWorkspaceRoutes(app, runtime);
  registerHelpdeskRoutes(app, runtime);
}
