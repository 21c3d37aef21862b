// An imported file is kept while pages refer to its bytes (src/store/pages/files.ts) and deleted once none does
// (src/store/pages/unreferenced.ts): after the write that rewrote its last page, or by the sweep after a start.
import { describe, expect, it, vi } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { importLogFile } from '../../src/io/importLog';
import { eventCount, inventory, resetForTests, start } from '../../src/state/app';
import { deleteUnusedImportFiles } from '../../src/state/unusedFiles';
import { EventStore } from '../../src/store/eventStore';
import { useStartedApp } from '../support/startedApp';
import { added, created } from '../support/events';
import { plain, replay } from '../support/oracle';
import { file, logText } from './fixtures';

const app = useStartedApp();

/** An item and `n` additions to it, a minute apart: 1,500 of them fill two pages (db.ts PAGE_SIZE). */
function series(n: number): InventoryEvent[] {
  return [created({ item: 'i-1', name: 'Bolt', at: 0, id: 'c-1' }), ...Array.from({ length: n }, (_, i) => added({ item: 'i-1', quantity: 1 + (i % 7), at: 1 + i, id: `a-${1 + i}` }))];
}

/** Late events (back-dated additions) at these minutes: each lands in the page holding that time. */
const late = (...minutes: number[]) => minutes.map((m) => added({ item: 'i-1', quantity: 2, at: m + 0.5, id: `late-${m}` }));

const keptIds = async () => (await app.db.importFiles.toCollection().primaryKeys()) as string[];

describe('an imported file no page refers to', () => {
  it('is deleted after the write that rewrote the last page referring to it', async () => {
    const events = series(1500);
    await importLogFile(file([logText(events)]));
    expect(await keptIds()).toHaveLength(1);
    // One late event in each of the two pages: both are rewritten as text.
    const more = late(100, 1200);
    expect(await importLogFile(file([logText([events[0]!, ...more])]))).toMatchObject({ ok: true, added: 2 });
    await vi.waitFor(async () => expect(await keptIds()).toEqual([]));
    expect(eventCount.value).toBe(events.length + 2);
    expect(plain(inventory.value)).toEqual(plain(replay([...events, ...more])));
  });

  it('is not deleted while another page still refers to it', async () => {
    const events = series(1500);
    await importLogFile(file([logText(events)]));
    const [id] = await keptIds();
    // Only the first page is rewritten; the second still refers to the file.
    await importLogFile(file([logText([events[0]!, ...late(100)])]));
    expect(await new EventStore(app.db).deleteUnreferencedFiles([id!])).toEqual([]);
    expect(await keptIds()).toEqual([id]);
  });

  it('left behind by an earlier release is deleted by the sweep after a start, and a referenced one is kept', async () => {
    await importLogFile(file([logText(series(1500))]));
    const [used] = await keptIds();
    await app.db.importFiles.put({ id: 'left-behind', file: new Blob(['[]']) });
    resetForTests();
    await start(app.name);
    deleteUnusedImportFiles();
    await vi.waitFor(async () => expect(await keptIds()).toEqual([used]));
  });
});
