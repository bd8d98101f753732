// Shapes shared by every service (Go: app.Result, app.Note, projections.Period,
// projections.Count). Field names mirror the Go JSON exactly.

/** A business date, "YYYY-MM-DD" (Go: events.Date). */
export type ISODate = string;

/** What a command recorded (Go: app.Result). */
export interface Result {
  event_id: string;
  seq: number;
  stream: string;
  version: number;
  /** The entity the command created or changed (class_id, …). */
  id: string;
}

/** Why a change was made and the document it comes from (Go: app.Note). */
export interface Note {
  reason: string;
  source: string;
}

/** A business-time range, both ends inclusive (Go: projections.Period). */
export interface Period {
  label: string;
  from: ISODate;
  to: ISODate;
}

/** Classes and their students (Go: projections.Count). */
export interface Count {
  classes: number;
  students: number;
}
