// Layout of the help-desk section: its header and tabs around the current page.
import { TabbedSection } from '../../components/section-tabs';
import { HELP_DESK_TABS } from './tabs';

export function HelpDeskLayout() {
  return <TabbedSection sectionId="help-desk" tabs={HELP_DESK_TABS} />;
}
