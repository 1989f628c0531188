// Role order and what each role may do, as the server enforces it: reads need viewer,
// mutations operator, tokens and settings admin.
import { roles, type Role } from '../api/types';

export function roleRank(role: Role): number {
  return roles.indexOf(role);
}

export function hasRole(actual: Role, required: Role): boolean {
  return roleRank(actual) >= roleRank(required);
}

export const roleAbilities: Readonly<Record<Role, string>> = {
  viewer: 'read everything: patterns, journeys, queues, the audit log and live events',
  operator: 'read everything and make changes: publish patterns, run and roll back journeys, retry work',
  admin: 'do everything an operator can, and manage API tokens and settings',
};
