// The section navigation; NavLink marks the active entry with aria-current="page".
import { NavLink } from 'react-router-dom';
import { Icon } from '../components/icons';
import { hasRole } from '../session/roles';
import { useCurrentSession } from '../session/session-context';
import { sections } from './sections';

export function SideNav() {
  const session = useCurrentSession();
  return (
    <nav className="side-nav" aria-label="Sections">
      <ul>
        <li>
          <NavLink to="/" end className="nav-link">
            <Icon name="home" />
            <span>Home</span>
          </NavLink>
        </li>
        {sections.map((section) => {
          const locked = session !== null && !hasRole(session.role, section.minRole);
          return (
            <li key={section.id}>
              <NavLink to={section.path} className="nav-link">
                <Icon name={section.icon} />
                <span>{section.label}</span>
                {locked && (
                  <span className="nav-hint" title={`Needs the ${section.minRole} role`}>
                    {section.minRole}
                  </span>
                )}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
