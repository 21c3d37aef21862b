// The labels laid out on their sheets, at real size (mm or in): what the printer gets. On screen each sheet is
// zoomed to fit the width, so a phone previews a whole A4 page; print resets the zoom (labels.css).
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { layoutSheets, QrCode, toCssPx, type LabelContent, type SheetSpec } from '../../labels';

interface Props {
  labels: readonly LabelContent[];
  /** Their addresses (what each code holds), in the same order. */
  urls: readonly string[];
  /** How many of them have their code drawn yet (useDrawnCount); the others show an empty square meanwhile. */
  drawn: number;
  sheet: SheetSpec;
  skip: number;
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

export function LabelSheets({ labels, urls, drawn, sheet, skip }: Props) {
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

function Label({ label, url }: { label: LabelContent; url: string | undefined }) {
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
