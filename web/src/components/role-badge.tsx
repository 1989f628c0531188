// The signed-in role, shown wherever it decides what the user can do.
import type { Role } from '../api/types';

export function RoleBadge({ role }: { role: Role }) {
  return (
    <span className={`role-badge role-${role}`} data-role={role}>
      {role}
    </span>
  );
}
