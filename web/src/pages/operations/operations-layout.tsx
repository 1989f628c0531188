// Layout of the operations section: its header and tabs around the current page.
import { TabbedSection } from '../../components/section-tabs';
import { OPERATIONS_TABS } from './tabs';

export function OperationsLayout() {
  return <TabbedSection sectionId="operations" tabs={OPERATIONS_TABS} />;
}
