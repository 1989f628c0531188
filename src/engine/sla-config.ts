// Managing SLA configuration: business calendars, escalation policies and SLA policies (each change of
// a policy is a new version; tickets keep the version they started with). Every change is audited.
import { z } from 'zod';
import { businessCalendarInput } from '../core/sla/business-calendar';
import { escalationPolicyInput } from '../core/sla/escalation-policy';
import { slaPolicyInput } from '../core/sla/policy';
import { AppError } from '../core/shared/error-codes';
import { zodIssuesToLocations } from '../core/shared/zod-errors';
import type { Db } from '../store/db';
import type { StoredEvent } from '../store/events-repo';
import {
  findCalendar,
  findEscalationPolicy,
  findPolicy,
  insertPolicyVersion,
  listCalendars,
  listEscalationPolicies,
  listPolicies,
  policyVersions,
  upsertCalendar,
  upsertEscalationPolicy,
} from '../store/sla-config-repo';
import { commitChange } from './change';
import type { Clock } from './clock';

export const configIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an id is lowercase letters, digits and dashes (up to 64)');

function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new AppError('OW_VALIDATION', `The ${what} is not valid`, zodIssuesToLocations(r.error.issues));
  return r.data;
}


export class SlaConfigService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly onEvents: (events: StoredEvent[]) => void,
  ) {}

  listPolicies() {
    return listPolicies(this.db);
  }

  async getPolicy(id: string, version?: number) {
    const p = await findPolicy(this.db, id, version);
    if (!p) throw new AppError('OW_NOT_FOUND', version ? `No SLA policy ${id} version ${version}` : `No SLA policy with id ${id}`);
    return { ...p, versions: (await policyVersions(this.db, id)).map((v) => ({ version: v.version, createdAt: v.createdAt, createdBy: v.createdBy })) };
  }

  /** Creates a policy (id new) or its next version (id known). */
  async savePolicy(id: string, input: unknown, actor: string, mustExist: boolean) {
    const idOk = configIdSchema.safeParse(id);
    if (!idOk.success) throw new AppError('OW_VALIDATION', 'The SLA policy id is not valid', [{ pointer: '/id', message: idOk.error.issues[0]?.message ?? 'invalid' }]);
    const spec = parse(slaPolicyInput, input, 'SLA policy');
    const existing = await findPolicy(this.db, id);
    if (mustExist && !existing) throw new AppError('OW_NOT_FOUND', `No SLA policy with id ${id}`);
    if (!mustExist && existing) throw new AppError('OW_CONFLICT', `An SLA policy with id ${id} exists; PUT /api/sla-policies/${id} writes its next version`);
    if (!(await findCalendar(this.db, spec.calendarId))) throw new AppError('OW_VALIDATION', 'The SLA policy is not valid', [{ pointer: '/calendarId', message: `no business calendar with id ${spec.calendarId}` }]);
    if (spec.escalationPolicyId && !(await findEscalationPolicy(this.db, spec.escalationPolicyId))) {
      throw new AppError('OW_VALIDATION', 'The SLA policy is not valid', [{ pointer: '/escalationPolicyId', message: `no escalation policy with id ${spec.escalationPolicyId}` }]);
    }
    const { result } = await commitChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const saved = await insertPolicyVersion(tx, id, spec, actor, now);
        return {
          result: saved,
          audit: { actor, action: 'sla.policy.save', target: id, summary: `${saved.version === 1 ? 'created' : 'changed'} SLA policy "${saved.name}" (version ${saved.version})` },
          events: [{ topic: 'sla.policy_saved', key: id, payload: { id, version: saved.version, name: saved.name, isDefault: saved.isDefault } }],
        };
      },
      this.onEvents,
    );
    return result;
  }

  listCalendars() {
    return listCalendars(this.db);
  }

  async getCalendar(id: string) {
    const c = await findCalendar(this.db, id);
    if (!c) throw new AppError('OW_NOT_FOUND', `No business calendar with id ${id}`);
    return c;
  }

  async saveCalendar(id: string, input: unknown, actor: string, mustExist: boolean) {
    const spec = parse(businessCalendarInput, input, 'business calendar');
    return this.upsert(id, mustExist, 'business calendar', () => findCalendar(this.db, id), async (tx, now) => upsertCalendar(tx, id, spec, actor, now), actor);
  }

  listEscalationPolicies() {
    return listEscalationPolicies(this.db);
  }

  async getEscalationPolicy(id: string) {
    const p = await findEscalationPolicy(this.db, id);
    if (!p) throw new AppError('OW_NOT_FOUND', `No escalation policy with id ${id}`);
    return p;
  }

  async saveEscalationPolicy(id: string, input: unknown, actor: string, mustExist: boolean) {
    const spec = parse(escalationPolicyInput, input, 'escalation policy');
    return this.upsert(id, mustExist, 'escalation policy', () => findEscalationPolicy(this.db, id), async (tx, now) => upsertEscalationPolicy(tx, id, spec, actor, now), actor);
  }

  private async upsert<T extends { name: string; version: number }>(
    id: string,
    mustExist: boolean,
    what: string,
    find: () => Promise<unknown>,
    write: (tx: Parameters<Parameters<typeof commitChange>[2]>[0], now: Date) => Promise<T>,
    actor: string,
  ): Promise<T> {
    const idOk = configIdSchema.safeParse(id);
    if (!idOk.success) throw new AppError('OW_VALIDATION', `The ${what} id is not valid`, [{ pointer: '/id', message: idOk.error.issues[0]?.message ?? 'invalid' }]);
    const existing = await find();
    if (mustExist && !existing) throw new AppError('OW_NOT_FOUND', `No ${what} with id ${id}`);
    if (!mustExist && existing) throw new AppError('OW_CONFLICT', `A ${what} with id ${id} exists; use PUT to change it`);
    const topic = what === 'business calendar' ? 'sla.calendar_saved' : 'sla.escalation_policy_saved';
    const { result } = await commitChange(
      this.db,
      this.clock,
      async (tx, now) => {
        const saved = await write(tx, now);
        return {
          result: saved,
          audit: { actor, action: topic.replace('_saved', '.save'), target: id, summary: `${existing ? 'changed' : 'created'} ${what} "${saved.name}"` },
          events: [{ topic, key: id, payload: { id, name: saved.name, version: saved.version } }],
        };
      },
      this.onEvents,
    );
    return result;
  }
}
