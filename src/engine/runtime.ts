// Composes the services of one process over an open store: the event bus, tokens, audit,
// worker registration. The HTTP server and the CLI are thin adapters over this.
import type { Db } from '../store/db';
import { listAudit, type AuditQuery } from '../store/audit-repo';
import { readEvents } from '../store/events-repo';
import type { Clock } from './clock';
import { EventBus } from './event-bus';
import { TokenService } from './token-service';
import { SequenceService } from './sequence-service';
import { AdvisorService, libraryPatternSummaries } from './advisor-service';
import { PatternService } from './pattern-service';
import { JourneyRuntime } from './journey-runtime';
import { WorkerRegistration } from './worker-registry';
import { readiness, type ExtraCheck } from './health';
import { AgentService } from './agent-service';
import { SlaMonitor } from './sla-monitor';
import { TicketService, SupportAgentService, EscalationModeService } from './ticket-runtime';
import { MetricsService } from './metrics-service';
import { WorkspaceService } from './workspace-service';
import { runtimePorts } from './workspace-ports';
import { HealthService } from './health';
import { QueueService } from './queue-service';
import { DeadLetterService } from './dead-letter-service';

export interface RuntimeOptions {
  db: Db;
  clock: Clock;
  kind: 'serve' | 'worker' | 'cli';
}

export class Runtime {
  readonly db: Db;
  readonly clock: Clock;
  readonly bus: EventBus;
  readonly tokens: TokenService;
  readonly sequences: SequenceService;
  readonly advisor: AdvisorService;
  readonly patterns: PatternService;
  readonly journeys: JourneyRuntime;
  readonly agents: AgentService;
  readonly sla: SlaMonitor;
  readonly tickets: TicketService;
  readonly supportAgents: SupportAgentService;
  readonly escalation: EscalationModeService;
  readonly registration: WorkerRegistration | undefined;
  readonly startedAt: Date;
  readonly metrics: MetricsService;
  readonly workspaces: WorkspaceService;
  readonly health: HealthService;
  readonly queues: QueueService;
  readonly deadLetters: DeadLetterService;
  private readonly extraChecks: ExtraCheck[] = [];

  constructor(opts: RuntimeOptions) {
    this.db = opts.db;
    this.clock = opts.clock;
    this.startedAt = opts.clock.now();
    this.bus = new EventBus(opts.db);
    // After a local commit the bus reads at once instead of waiting for the NOTIFY round trip.
    this.tokens = new TokenService(opts.db, opts.clock, () => this.bus.poke());
    this.sequences = new SequenceService(opts.db, opts.clock, () => this.bus.poke());
    this.advisor = new AdvisorService(opts.db, opts.clock, () => this.bus.poke(), () => libraryPatternSummaries(this.patterns));
    this.patterns = new PatternService(opts.db, opts.clock, () => this.bus.poke());
    this.journeys = new JourneyRuntime({ db: opts.db, clock: opts.clock, kind: opts.kind, onEvents: (events) => this.bus.committed(events) });
    this.agents = new AgentService(opts.db, opts.clock, () => this.bus.poke(), this.journeys);
    this.sla = new SlaMonitor({ db: opts.db, clock: opts.clock, kind: opts.kind, onEvents: () => this.bus.poke(), tickets: () => this.tickets });
    this.tickets = new TicketService(opts.db, opts.clock, () => this.bus.poke());
    this.supportAgents = new SupportAgentService(opts.db, this.tickets, opts.clock, opts.kind);
    this.escalation = new EscalationModeService(opts.db, this.tickets);
    this.tickets.addObserver(this.sla.observer);
    this.registration = opts.kind === 'cli' ? undefined : new WorkerRegistration(opts.db, opts.clock, opts.kind);
    this.metrics = new MetricsService(opts.db, opts.clock, () => this.bus.poke());
    this.workspaces = new WorkspaceService(opts.db, opts.clock, () => this.bus.poke(), this.patterns, () => runtimePorts(this));
    this.health = new HealthService(this, opts.kind);
    this.queues = new QueueService(opts.db, opts.clock, opts.kind, () => this.journeys.handlers.names());
    this.deadLetters = new DeadLetterService(opts.db, opts.clock, this.journeys.definitions, this.journeys.tasks, () => this.bus.poke());
  }

  async start(): Promise<void> {
    await this.bus.start();
    // A token revoked by another process stops working here too, without waiting for the cache to expire.
    this.bus.subscribe(['token.revoked'], (e) => this.tokens.forget(String(e.payload.id)));
    await this.sequences.seedOnFirstStart();
    await this.advisor.seedOnFirstStart();
    await this.patterns.start(this.bus);
    this.agents.start(this.bus);
    await this.journeys.start();
    this.sla.start(this.bus);
    this.supportAgents.start();
    await this.registration?.start();
    this.health.start();
    this.queues.start();
    this.workspaces.start();
  }

  async stop(): Promise<void> {
    this.health.stop();
    this.queues.stop();
    await this.workspaces.stop();
    await this.journeys.stop();
    await this.sla.stop();
    await this.supportAgents.stop();
    await this.registration?.stop();
    await this.patterns.stop();
    this.agents.stop();
    await this.bus.stop();
  }

  addHealthCheck(check: ExtraCheck): void {
    this.extraChecks.push(check);
  }

  readiness() {
    return readiness(this.db, this.clock, this.extraChecks);
  }

  audit(q: AuditQuery) {
    return listAudit(this.db, q);
  }

  events(q: { after?: number; topicPrefixes?: string[]; key?: string; limit: number }) {
    return readEvents(this.db, q);
  }
}
