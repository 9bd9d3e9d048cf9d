import { BackupSection } from './BackupSection';
import { DatasetsSection } from './DatasetsSection';
import { HistorySection } from './HistorySection';
import { SitesSection } from './SitesSection';

export function OptionsApp() {
  return (
    <main class="o-root">
      <h1>Gloss settings</h1>
      <SitesSection />
      <DatasetsSection />
      <HistorySection />
      <BackupSection />
    </main>
  );
}
