// /labels: printable QR labels for chosen items or locations (src/labels: what each label holds, the sheets and
// their layout). The address holds the whole choice (spec §6: the URL holds the view). Labels are of the
// present: a QR code opens the item's page as it is now.
import { useMemo } from 'preact/hooks';
import { UNASSIGNED, type Item } from '../../domain/inventory';
import { stockByLocation } from '../../domain/locations';
import { chosenLabels, clampSkip, labelsPath, labelsPerSheet, parseLabelsView, SHEETS, sheetOf, type LabelChoice, type LabelsView } from '../../labels';
import { inventory } from '../../state/app';
import { plural } from '../format';
import { listItems, optionsFromParams } from '../inventory/listing';
import { location, navigate } from '../router';
import { LabelChooser, type Choice } from './LabelChooser';
import { LabelsPreview } from './LabelSheets';
import './labels.css';

const listed = (items: Iterable<Item>, filter: [string, string][]) => listItems(items, optionsFromParams(new URLSearchParams(filter)));
const itemChoice = (i: Item): Choice => ({ key: i.id, name: i.name, hint: i.sku });

export function LabelsPage() {
  const params = location.value.params;
  const view = parseLabelsView(params);
  const locale = navigator.language;
  const sheet = sheetOf(view, locale);
  const per = labelsPerSheet(sheet);
  const skip = clampSkip(sheet, view.skip);
  const state = inventory.value;
  const go = (patch: Partial<LabelsView>) => navigate(labelsPath({ ...view, ...patch }, locale), { replace: true });
  const choose = (choice: LabelChoice) => go({ choice });

  const query = params.toString();
  const { labels, missing } = useMemo(() => chosenLabels(state, view.choice, (f) => listed(state.items.values(), f)), [state, query]);
  const c = view.choice;
  const forItems = c.kind === 'items' || c.kind === 'filter';

  return (
    <section class="page labels-page" aria-labelledby="labels-title">
      <div class="page-head no-print">
        <h1 id="labels-title" tabIndex={-1}>
          Labels
        </h1>
      </div>
      {missing.length > 0 && (
        <div class="banner banner-error no-print" role="alert">
          <p>
            {plural(missing.length, 'chosen item is', 'chosen items are')} not on this device, so {missing.length === 1 ? 'its label is' : 'their labels are'} left out: {missing.join(', ')}.
          </p>
        </div>
      )}
      <LabelsPreview labels={labels} sheet={sheet} skip={skip}>
        <div class="card labels-controls no-print">
          <fieldset class="labels-kind">
            <legend>Labels for</legend>
            <label class="check">
              <input type="radio" name="labels-kind" checked={forItems} onChange={() => choose({ kind: 'filter', filter: [] })} />
              Items
            </label>
            <label class="check">
              <input type="radio" name="labels-kind" checked={!forItems} onChange={() => choose({ kind: 'allLocations' })} />
              Locations
            </label>
          </fieldset>
          {forItems ? <ItemPicker view={view} go={go} /> : <LocationPicker choice={c} onChoose={choose} />}
          <div class="labels-sheet-fields">
            <div class="field">
              <label for="labels-sheet">Label sheet</label>
              <select id="labels-sheet" value={sheet.id} onChange={(e) => go({ sheet: e.currentTarget.value as LabelsView['sheet'] })}>
                {SHEETS.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            {per > 1 && (
              <div class="field">
                <label for="labels-skip">Labels already used on the first sheet</label>
                <input id="labels-skip" type="number" inputMode="numeric" min={0} max={per - 1} value={skip} onInput={(e) => go({ skip: Number(e.currentTarget.value) })} aria-describedby="labels-skip-hint" />
                <p class="field-hint" id="labels-skip-hint">
                  Printing starts after them, row by row (0 to {per - 1}).
                </p>
              </div>
            )}
          </div>
        </div>
      </LabelsPreview>
    </section>
  );
}

/** Items: a search over the inventory, each match ticked while the search itself is the choice. */
function ItemPicker({ view, go }: { view: LabelsView; go: (patch: Partial<LabelsView>) => void }) {
  const state = inventory.value;
  const c = view.choice;
  const filter = c.kind === 'filter' ? c.filter : view.search ? ([['q', view.search]] as [string, string][]) : [];
  const shown = useMemo(() => listed(state.items.values(), filter), [state, JSON.stringify(filter)]);
  const chosen = c.kind === 'items' ? new Set(c.ids) : undefined;
  const ids = (): string[] => (chosen ? [...chosen] : shown.map((i) => i.id));
  const onSearch = (text: string) => {
    if (c.kind === 'filter') go({ choice: { kind: 'filter', filter: [...c.filter.filter(([k]) => k !== 'q'), ...(text ? ([['q', text]] as [string, string][]) : [])] }, search: text });
    else go({ search: text });
  };
  const everyFound = () => go({ choice: { kind: 'filter', filter: view.search ? [['q', view.search]] : [] } });
  const narrowed = c.kind === 'filter' && c.filter.some(([k]) => k !== 'q' && k !== 'sort' && k !== 'dir');
  return (
    <LabelChooser
      legend="Items to label"
      choices={shown.map(itemChoice)}
      isChosen={(id) => !chosen || chosen.has(id)}
      onToggle={(id, on) => go({ choice: { kind: 'items', ids: on ? [...ids(), id] : ids().filter((x) => x !== id) } })}
      onAll={chosen ? () => go({ choice: { kind: 'items', ids: [...new Set([...ids(), ...shown.map((i) => i.id)])] } }) : undefined}
      onNone={() => go({ choice: { kind: 'items', ids: chosen ? ids().filter((id) => !shown.some((i) => i.id === id)) : [] } })}
      empty={state.items.size === 0 ? 'There are no items yet.' : 'No item matches this search.'}
    >
      <div class="field">
        <label for="labels-search">Search items</label>
        <input id="labels-search" type="search" value={view.search} onInput={(e) => onSearch(e.currentTarget.value)} placeholder="Name, SKU, category, location…" />
      </div>
      {narrowed && (
        <p class="field-hint">
          Only the items of the inventory’s filter are listed.{' '}
          <button type="button" class="btn-link" onClick={everyFound}>
            List all items
          </button>
        </p>
      )}
      {chosen && (
        <p class="field-hint">
          <button type="button" class="btn-link" onClick={everyFound}>
            Print every item found instead
          </button>
        </p>
      )}
    </LabelChooser>
  );
}

/** Locations: every place holding stock, plus any chosen one that holds nothing yet. */
function LocationPicker({ choice, onChoose }: { choice: LabelChoice; onChoose: (c: LabelChoice) => void }) {
  const state = inventory.value;
  const stocked = useMemo(() => stockByLocation(state).filter((l) => l.location !== UNASSIGNED), [state]);
  const named = choice.kind === 'locations' ? choice.names : undefined;
  const places = [...stocked.map((l) => ({ key: l.location, name: l.location, hint: plural(l.items.length, 'item') })), ...(named ?? []).filter((n) => !stocked.some((l) => l.location === n)).map((n) => ({ key: n, name: n, hint: 'nothing stored yet' }))];
  const names = (): string[] => named ?? places.map((p) => p.key);
  return (
    <LabelChooser
      legend="Locations to label"
      choices={places}
      isChosen={(n) => !named || named.includes(n)}
      onToggle={(n, on) => onChoose({ kind: 'locations', names: on ? [...names(), n] : names().filter((x) => x !== n) })}
      onAll={named ? () => onChoose({ kind: 'allLocations' }) : undefined}
      onNone={() => onChoose({ kind: 'locations', names: [] })}
      empty="No location holds anything yet: give a location when you add stock."
    />
  );
}
