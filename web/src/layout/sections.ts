// The portal's sections in navigation order, with the role each needs and, for the "your role
// cannot …" message, what that role lets a user do there.
import type { Role } from '../api/types';
import type { IconName } from '../components/icons';

export interface Section {
  id: 'library' | 'sequences' | 'journeys' | 'support' | 'operations' | 'help-desk' | 'toolkit' | 'admin';
  path: string;
  label: string;
  icon: IconName;
  minRole: Role;
  /** Completes "Your role viewer cannot …" and "Sign in to …". */
  action: string;
  summary: string;
}

export const sections: readonly Section[] = [
  {
    id: 'library',
    path: '/library',
    label: 'Library',
    icon: 'library',
    minRole: 'viewer',
    action: 'browse the pattern library',
    summary: 'Operational patterns with diagrams, articles, checklists, scorecards and statements of work.',
  },
  {
    id: 'sequences',
    path: '/sequences',
    label: 'Sequences',
    icon: 'sequences',
    minRole: 'viewer',
    action: 'read sequence documents',
    summary: 'Musical sequences: the canonical, documented definition of each journey.',
  },
  {
    id: 'journeys',
    path: '/journeys',
    label: 'Journeys',
    icon: 'journeys',
    minRole: 'viewer',
    action: 'follow client journeys',
    summary: 'Sandbox → Pilot → Production journeys with exit-criteria gates and rollback.',
  },
  {
    id: 'support',
    path: '/support',
    label: 'Support',
    icon: 'support',
    minRole: 'viewer',
    action: 'follow tickets, agents and SLA clocks',
    summary: 'The escalation runtime: tickets, the Smart Router, SLA clocks and alerts, simulation and the implementation workspace.',
  },
  {
    id: 'operations',
    path: '/operations',
    label: 'Operations',
    icon: 'operations',
    minRole: 'viewer',
    action: 'see operations',
    summary: 'Status, queues and dead letters, orchestration monitoring, agents, the audit trail and live events.',
  },
  {
    id: 'help-desk',
    path: '/help-desk',
    label: 'Help desk',
    icon: 'help-desk',
    minRole: 'viewer',
    action: 'use the help desk',
    summary: 'Search by client, journey, ticket or agent; Issue Detective findings and playbooks.',
  },
  {
    id: 'toolkit',
    path: '/toolkit',
    label: 'Toolkit',
    icon: 'toolkit',
    minRole: 'viewer',
    action: 'use the operations toolkit',
    summary: 'Process analysis, critical-path scheduling, risk registers and KPI/OKR tracking.',
  },
  {
    id: 'admin',
    path: '/admin',
    label: 'Admin',
    icon: 'admin',
    minRole: 'admin',
    action: 'manage tokens',
    summary: 'API tokens: create them for people and automation, revoke them when no longer needed.',
  },
];

export function sectionById(id: Section['id']): Section {
  const section = sections.find((s) => s.id === id);
  if (section === undefined) throw new Error(`unknown portal section "${id}"`);
  return section;
}
