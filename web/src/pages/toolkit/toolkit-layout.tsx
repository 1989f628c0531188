// Layout of the toolkit section: its header and tabs around the current analysis page.
import { TabbedSection } from '../../components/section-tabs';
import { TOOLKIT_TABS } from './tabs';
import './toolkit.css';

export function ToolkitLayout() {
  return <TabbedSection sectionId="toolkit" tabs={TOOLKIT_TABS} />;
}
