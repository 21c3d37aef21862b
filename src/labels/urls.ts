// What a label's QR code holds: the absolute address of the item's or location's page in this app, so that a
// phone's camera, the app's own scanner or any QR reader opens that page. The paths are the router's
// (`/item/<id>`, `/locations/<name>`, see src/ui/shell/routes.tsx).

export type LabelTarget = { kind: 'item'; id: string } | { kind: 'location'; name: string };

/** The app's root address, always ending in "/": `origin` (https://host) joined with Vite's BASE_URL. */
export function appRoot(origin: string, base: string): string {
  return `${origin.replace(/\/+$/, '')}/${base.replace(/^\/+/, '')}`.replace(/\/*$/, '/');
}

/** The path of a target's page inside the app, without the leading "/". */
export function targetPath(t: LabelTarget): string {
  switch (t.kind) {
    case 'item':
      return `item/${encodeURIComponent(t.id)}`;
    case 'location':
      return `locations/${encodeURIComponent(t.name)}`;
    default: {
      const never: never = t;
      throw new Error(`Unknown label target ${JSON.stringify(never)}`);
    }
  }
}

/** The absolute URL a label encodes, e.g. https://host/app/item/flour. */
export const labelUrl = (root: string, t: LabelTarget): string => root + targetPath(t);
