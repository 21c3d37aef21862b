// The preview and what the printer gets: the labels laid out on their sheets at real size (mm or in), under a bar
// with their count and the Print button. On screen each sheet is zoomed to fit the width, so a phone previews a
// whole A4 page; print resets the zoom (labels.css).
import { Component, type ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { appRoot, clampSkip, labelsPerSheet, labelUrl, layoutSheets, QrCode, toCssPx, useDrawnCount, type LabelContent, type SheetSpec } from '../../labels';
import { plural } from '../format';

interface Props {
  labels: readonly LabelContent[];
  sheet: SheetSpec;
  skip: number;
}

interface PreviewProps extends Props {
  /** The page's controls, between the Print bar and the sheets. */
  children?: ComponentChildren;
}

/**
 * How many labels on how many sheets and the Print button, above the page's controls (in reach on a phone), then
 * the sheets. Its own component: each slice of new QR codes renders it again, and only it (the controls, passed
 * in as children, are not rendered again).
 */
export function LabelsPreview({ labels, sheet, skip, children }: PreviewProps) {
  const urls = useMemo(() => {
    const root = appRoot(window.location.origin, import.meta.env.BASE_URL);
    return labels.map((l) => labelUrl(root, l.target));
  }, [labels]);
  const drawn = useDrawnCount(urls);
  const ready = labels.length > 0 && drawn === labels.length;
  const sheets = Math.ceil((clampSkip(sheet, skip) + labels.length) / labelsPerSheet(sheet));
  return (
    <>
      <div class="labels-printbar no-print">
        <div class="labels-summary">
          <p role="status">
            {labels.length === 0
              ? 'Nothing to print: tick what needs a label.'
              : !ready
                ? `Drawing the QR codes: ${drawn.toLocaleString()} of ${plural(labels.length, 'label')}…`
                : `${plural(labels.length, 'label')} on ${plural(sheets, labelsPerSheet(sheet) === 1 ? 'label' : 'sheet')}.`}
          </p>
          <p class="field-hint">In the print dialog keep the scale at 100 % (“Actual size”) and the margins at none: the page size is set for you.</p>
        </div>
        <button type="button" class="btn btn-primary" onClick={() => window.print()} disabled={!ready}>
          Print labels
        </button>
      </div>
      {children}
      {labels.length > 0 && <LabelSheets labels={labels} urls={urls} drawn={drawn} sheet={sheet} skip={skip} />}
    </>
  );
}

interface SheetsProps extends Props {
  /** The labels' addresses (what each code holds), in the same order. */
  urls: readonly string[];
  /** How many of them have their code made (useDrawnCount); the others show an empty square meanwhile. */
  drawn: number;
}

/** The zoom that fits `width` CSS px into the element's width (never enlarged). */
function useFitZoom(width: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => setZoom(Math.min(1, el.clientWidth / width));
    fit();
    const watch = new ResizeObserver(fit);
    watch.observe(el);
    return () => watch.disconnect();
  }, [width]);
  return { ref, zoom };
}

function LabelSheets({ labels, urls, drawn, sheet, skip }: SheetsProps) {
  const u = (n: number) => `${n}${sheet.unit}`;
  const { ref, zoom } = useFitZoom(toCssPx(sheet, sheet.page.width));
  const pages = layoutSheets(labels.length, sheet, skip);
  return (
    <div class="label-sheets" ref={ref}>
      {pages.map((slots, n) => (
        <div
          key={n}
          class="label-sheet"
          data-sheet={sheet.id}
          role="group"
          aria-label={`Sheet ${n + 1} of ${pages.length}`}
          style={{
            zoom,
            width: u(sheet.page.width),
            height: u(sheet.page.height),
            paddingTop: u(sheet.offset.top),
            paddingLeft: u(sheet.offset.left),
            gridTemplateColumns: `repeat(${sheet.columns}, ${u(sheet.label.width)})`,
            gridAutoRows: u(sheet.label.height),
            columnGap: u(sheet.gap.x),
            rowGap: u(sheet.gap.y),
          }}
        >
          {slots.map((i, slot) => (i === null ? <div key={`blank${slot}`} class="label label-blank" aria-hidden="true" /> : <Label key={labels[i]!.key} label={labels[i]!} url={i < drawn ? urls[i] : undefined} />))}
        </div>
      ))}
    </div>
  );
}

interface LabelProps {
  label: LabelContent;
  url: string | undefined;
}

/**
 * One label. Each slice of new codes renders the run again: a label whose content and code are unchanged skips
 * its render, so a slice costs its new labels, not the whole run (see docs/benchmarks.md, "Printing labels").
 */
class Label extends Component<LabelProps> {
  override shouldComponentUpdate(next: LabelProps): boolean {
    return next.label !== this.props.label || next.url !== this.props.url;
  }

  override render() {
    return <LabelFace {...this.props} />;
  }
}

function LabelFace({ label, url }: LabelProps) {
  return (
    <div class="label">
      {url === undefined ? <div class="label-qr label-qr-pending" aria-hidden="true" /> : <QrCode class="label-qr" text={url} label={`QR code of ${label.title}`} />}
      <div class="label-text">
        <p class="label-title">{label.title}</p>
        {label.details.map((d) => (
          <p key={d} class="label-detail">
            {d}
          </p>
        ))}
      </div>
    </div>
  );
}
