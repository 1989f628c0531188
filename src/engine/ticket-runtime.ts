// The escalation runtime's part A in one import for runtime.ts: tickets, support agents, the mode switch.
export { TicketService } from './ticket-service';
export { SupportAgentService } from './support-agent-service';
export { EscalationModeService } from './escalation-mode';
