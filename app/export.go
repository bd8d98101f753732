package app

// ExportService writes what a school sends up or files: the report as DOCX,
// the figures as XLSX, CSV and JSON. Each format is one file
// (export_docx.go, export_xlsx.go …); in the window a file is saved with the
// native dialog, over the HTTP bridge its bytes are returned.
type ExportService struct{ app *App }
