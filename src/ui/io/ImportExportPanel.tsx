// The page at /data: export of the event log, the inventory as CSV, import, and the past imports (with undo).
import { inventory } from '../../state/app';
import { CsvExportButton } from './CsvExportButton';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import { PastImports } from './PastImports';
import './io.css';

export function ImportExportPanel() {
  const listed = [...inventory.value.items.values()].filter((i) => !i.archived).length;
  return (
    <section class="page io-page" aria-labelledby="data-title">
      <h1 id="data-title" tabIndex={-1}>
        Import and export
      </h1>
      <ExportSection />
      <section class="card io-section" aria-labelledby="csv-title">
        <h2 id="csv-title">Inventory as a spreadsheet</h2>
        <p>The current inventory ({listed.toLocaleString()} listed items) as a CSV file, with a column per location. For reading, not for importing.</p>
        <div class="io-row">
          <CsvExportButton />
        </div>
      </section>
      <ImportSection />
      <PastImports />
    </section>
  );
}
