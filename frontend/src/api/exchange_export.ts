// ExportService (Go: app.ExportService): the report as DOCX, the figures as
// XLSX, CSV and JSON. The interfaces mirror the Go JSON exactly.

export const EXPORT_SERVICE = 'ExportService';
