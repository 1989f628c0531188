// Layout of the support section: its header and tabs around the current page.
import { TabbedSection } from '../../components/section-tabs';
import { SUPPORT_TABS } from './tabs';

export function SupportLayout() {
  return <TabbedSection sectionId="support" tabs={SUPPORT_TABS} />;
}
