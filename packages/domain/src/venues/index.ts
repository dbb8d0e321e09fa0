// The unit library (单位库): the workbook layout and the import rules.
export * from './venue-sheet';
export * from './validate-venue-import';
