import type { ComponentType } from 'react';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { ReviewPage } from './pages/ReviewPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { FilesPage } from './pages/FilesPage.tsx';
import { CrosswalkPage } from './pages/CrosswalkPage.tsx';
import { ReferencePage } from './pages/ReferencePage.tsx';
import { CheckPage } from './pages/CheckPage.tsx';

/** What every page gets (the data version comes from DataVersionContext). */
export interface PageProps {
  /** A page changed the data itself (e.g. imported reference files, which re-classifies): every page re-queries. */
  onDataChanged: () => void;
  /** Unloads a loaded file and everything it added (the Files page's "Remove"). */
  onRemoveFile: (fileId: number, sha256: string) => Promise<void>;
  /** Opens the column mapping of a loaded CSV file, to read it again with another (the Files page's "Columns"). */
  onReviewMapping: (sha256: string) => void;
}

/** The app's pages, in tab order. The page shown is the URL's `page` parameter (bookmarkable). */
export const PAGES: { id: string; label: string; component: ComponentType<PageProps>; withoutData?: boolean }[] = [
  { id: 'review', label: 'Monthly review', component: ReviewPage },
  { id: 'dashboard', label: 'Dashboard', component: DashboardPage },
  { id: 'files', label: 'Files & data quality', component: FilesPage },
  { id: 'audit', label: 'Audit sample', component: AuditPage },
  { id: 'crosswalk', label: 'Crosswalk', component: CrosswalkPage },
  { id: 'check', label: 'Check claims', component: CheckPage },
  { id: 'reference', label: 'Reference data', component: ReferencePage, withoutData: true },
];
