import type { ComponentType } from 'react';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { ReviewPage } from './pages/ReviewPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';

/** What every page gets: `version` changes whenever the loaded data changes (re-query then). */
export interface PageProps {
  version: number;
}

/** The app's pages, in tab order. The page shown is the URL's `page` parameter (bookmarkable). */
export const PAGES: { id: string; label: string; component: ComponentType<PageProps> }[] = [
  { id: 'review', label: 'Monthly review', component: ReviewPage },
  { id: 'dashboard', label: 'Dashboard', component: DashboardPage },
  { id: 'audit', label: 'Audit sample', component: AuditPage },
];
