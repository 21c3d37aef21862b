// The labels feature's one entry point, loaded with the /labels page (never in the initial bundle).
export { QrCode } from './QrCode';
export { chosenLabels, type LabelContent } from './content';
export { labelsPath, parseLabelsView, sheetOf, type LabelChoice, type LabelsView } from './selection';
export { clampSkip, labelsPerSheet, layoutSheets, SHEETS, toCssPx, type SheetSpec } from './sheets';
export { appRoot, labelUrl } from './urls';
export { useDrawnCount } from './useDrawnCount';
