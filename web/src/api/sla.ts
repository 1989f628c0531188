// The SLA monitor's API for the portal: open clocks, a ticket's clocks, policies, channels with their
// deliveries, the alerts timeline, and the two actions (send test, retry a failed delivery).
import { z } from 'zod/mini';
import { api } from './client';

const s = z.string();
const ns = z.nullable(s);
const num = z.number();
export const clockSchema = z.looseObject({
  ticketId: s, subject: ns, metric: s, priority: s, status: s, policyId: s, policyVersion: num,
  targetMs: num, elapsedMs: num, remainingMs: num, fraction: num, warningFraction: num, breachAt: ns, metAt: ns,
});
export type SlaClock = z.infer<typeof clockSchema>;
export const deliverySchema = z.looseObject({ id: s, channelName: s, channelKind: s, status: s, attempts: num, lastError: ns, nextAttemptAt: ns, updatedAt: s, ticketId: ns, threshold: s });
export type Delivery = z.infer<typeof deliverySchema>;
const channelSchema = z.looseObject({ id: s, kind: s, name: s, enabled: z.boolean(), failed: num, recent: z.array(deliverySchema) });
export type Channel = z.infer<typeof channelSchema>;
const alertSchema = z.looseObject({ id: s, ticketId: ns, metric: ns, threshold: s, suppressedReason: ns, action: ns, raisedAt: s, deliveries: z.array(deliverySchema) });
export type Alert = z.infer<typeof alertSchema>;
const policySchema = z.looseObject({
  id: s, version: num, name: s, isDefault: z.boolean(), warningPercent: num, breachPercent: num, calendarId: s, escalationPolicyId: ns,
  targets: z.record(s, z.looseObject({ firstResponseMinutes: num, resolutionMinutes: num })),
});
export type Policy = z.infer<typeof policySchema>;

const sig = (signal?: AbortSignal) => (signal ? { signal } : {});
export const sla = {
  clocks: (signal?: AbortSignal) => api.request('/api/sla/clocks', { query: { limit: 100 }, schema: z.object({ open: num, items: z.array(clockSchema) }), ...sig(signal) }),
  ticket: (id: string, signal?: AbortSignal) => api.request(`/api/tickets/${encodeURIComponent(id)}/sla`, { schema: z.looseObject({ clocks: z.array(clockSchema), alerts: z.array(alertSchema) }), ...sig(signal) }),
  policies: (signal?: AbortSignal) => api.request('/api/sla-policies', { schema: z.object({ items: z.array(policySchema) }), ...sig(signal) }),
  channels: (signal?: AbortSignal) => api.request('/api/alert-channels', { schema: z.object({ items: z.array(channelSchema) }), ...sig(signal) }),
  alerts: (signal?: AbortSignal) => api.request('/api/alerts', { query: { limit: 50 }, schema: z.object({ items: z.array(alertSchema) }), ...sig(signal) }),
  sendTest: (channelId: string) => api.request(`/api/alert-channels/${encodeURIComponent(channelId)}/test`, { method: 'POST', schema: deliverySchema }),
  retry: (deliveryId: string) => api.request(`/api/alert-deliveries/${encodeURIComponent(deliveryId)}/retry`, { method: 'POST', schema: deliverySchema }),
};
