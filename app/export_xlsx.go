package app

import (
	"context"
	"database/sql"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
	"time"

	"socai/events"
	"socai/projections"
)

// FiguresExport is what a figures file (XLSX, CSV, JSON) holds: the
// period's figures of a school or the cluster, as the ledger stood at a
// record-time moment, with the digest of the data they were made from. Every
// number comes from the same queries as the reports and the window.
type FiguresExport struct {
	Period projections.Period `json:"period"`
	// School is the school's id, "" for the whole cluster; Scope names it.
	School string `json:"school"`
	Scope  string `json:"scope"`
	// AsOf is the record-time moment of the figures, RFC 3339 UTC: the
	// moment asked for, or the moment of export for "now".
	AsOf string `json:"as_of"`
	// Historical is true when the figures are those of a past moment.
	Historical bool                 `json:"historical"`
	MadeAt     string               `json:"made_at"`
	Digest     DigestCodes          `json:"digest"`
	Figures    []projections.Figure `json:"figures"`
	Areas      FigureAreas          `json:"areas"`
}

// FigureAreas are the area reports the sheets are laid out from.
type FigureAreas struct {
	ClassPlans    projections.ClassPlanReport     `json:"classplans"`
	StaffTraining projections.StaffTrainingReport `json:"stafftraining"`
	Research      projections.ResearchReport      `json:"research"`
	Awards        projections.AwardReport         `json:"awards"`
}

// FiguresFormats are the formats of a figures file.
var FiguresFormats = []string{"xlsx", "csv", "json"}

// FiguresExport gathers the figures of period (2021-H1 …) for school (""
// the cluster) as the ledger stood at asOf (2021-08-10 or RFC 3339; "" now,
// or the moment the window shows). Bad input is refused with a Vietnamese
// message (code invalid or not_found) and reads nothing.
func (a *App) FiguresExport(ctx context.Context, period, school, asOf string) (FiguresExport, error) {
	p, err := projections.ParsePeriod(strings.TrimSpace(period))
	if err != nil {
		return FiguresExport{}, err
	}
	school = strings.TrimSpace(school)
	made := time.Now().UTC()
	at, historical := a.viewedAt()
	src := a
	if s := strings.TrimSpace(asOf); s != "" {
		if at, err = projections.ParseAsOf(s); err != nil {
			return FiguresExport{}, err
		}
		if at.After(made) {
			return FiguresExport{}, Fail(events.EINVALID, "as_of", "thời điểm %s còn ở tương lai", s)
		}
		historical = true
		if src, err = a.AsOf(ctx, at); err != nil {
			return FiguresExport{}, err
		}
		defer src.Close()
	}
	if !historical {
		at = made
	}
	out := FiguresExport{Period: p, School: school, AsOf: at.UTC().Format(time.RFC3339), Historical: historical,
		MadeAt: made.Format(time.RFC3339)}
	q := src.DB()
	if out.Scope, err = figuresScope(ctx, q, school); err != nil {
		return FiguresExport{}, err
	}
	if out.Digest, _, err = src.ReportDigest(ctx); err != nil {
		return FiguresExport{}, err
	}
	if out.Figures, err = projections.Figures(ctx, q, p, school); err != nil {
		return FiguresExport{}, err
	}
	ar := &out.Areas
	if ar.ClassPlans, err = projections.ClassPlanFigures(ctx, q, p, school); err != nil {
		return FiguresExport{}, err
	}
	if ar.StaffTraining, err = projections.StaffTrainingFigures(ctx, q, p, school); err != nil {
		return FiguresExport{}, err
	}
	if ar.Research, err = projections.ResearchFigures(ctx, q, p, school); err != nil {
		return FiguresExport{}, err
	}
	// the year of the awards is that of Figures: the year the period starts in
	year, _ := strconv.Atoi(string(p.From)[:4])
	if ar.Awards, err = projections.AwardFigures(ctx, q, year, school); err != nil {
		return FiguresExport{}, err
	}
	return out, nil
}

// figuresScope names a school, or the cluster(s) of the ledger for "".
func figuresScope(ctx context.Context, q projections.Querier, school string) (string, error) {
	if school != "" {
		var name string
		err := q.QueryRowContext(ctx, `SELECT name FROM proj_schools WHERE school_id = ?`, school).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return "", Fail(events.ENOTFOUND, "school", "không có trường %q trong sổ cái", school)
		}
		return name, err
	}
	rows, err := q.QueryContext(ctx, `SELECT name FROM proj_clusters ORDER BY name`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return "", err
		}
		names = append(names, n)
	}
	if len(names) == 0 {
		return "Cả cụm", rows.Err()
	}
	return strings.Join(names, "; "), rows.Err()
}

// FileName is the file's default name: so-lieu-2021-H1-cum.xlsx,
// so-lieu-2021-H1-caobang.csv …
func (x FiguresExport) FileName(format string) string {
	who := x.School
	if who == "" {
		who = "cum"
	}
	label := strings.ReplaceAll(x.Period.Label, "..", "_")
	return "so-lieu-" + label + "-" + who + "." + format
}

// Encode writes x in format xlsx, csv or json.
func (x FiguresExport) Encode(format string) ([]byte, string, error) {
	switch strings.ToLower(strings.TrimSpace(format)) {
	case "xlsx":
		b, err := x.XLSX()
		return b, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", err
	case "csv":
		b, err := x.CSV()
		return b, "text/csv; charset=utf-8", err
	case "json":
		b, err := x.JSON()
		return b, "application/json", err
	}
	return nil, "", badFiguresFormat(format)
}

func badFiguresFormat(format string) error {
	return Fail(events.EINVALID, "format", "định dạng %q không xuất được: dùng %s", format, strings.Join(FiguresFormats, ", "))
}

// FiguresFile is a figures file made for the window or the HTTP bridge.
type FiguresFile struct {
	Name string `json:"name"`
	MIME string `json:"mime"`
	// Base64 is the file's content (XLSX is binary).
	Base64 string      `json:"base64"`
	Size   int         `json:"size"`
	AsOf   string      `json:"as_of"`
	Digest DigestCodes `json:"digest"`
}

// figuresFile makes the file of period's figures in format.
func (s *ExportService) figuresFile(format, period, school, asOf string) (FiguresFile, []byte, error) {
	format = strings.ToLower(strings.TrimSpace(format))
	if !validFiguresFormat(format) { // refused before any work
		return FiguresFile{}, nil, badFiguresFormat(format)
	}
	x, err := s.app.FiguresExport(context.Background(), period, school, asOf)
	if err != nil {
		return FiguresFile{}, nil, err
	}
	b, mime, err := x.Encode(format)
	if err != nil {
		return FiguresFile{}, nil, err
	}
	return FiguresFile{Name: x.FileName(format), MIME: mime, Size: len(b), AsOf: x.AsOf, Digest: x.Digest}, b, nil
}

func validFiguresFormat(format string) bool {
	for _, f := range FiguresFormats {
		if f == format {
			return true
		}
	}
	return false
}

// FiguresFile makes the figures of period (2021-H1 …) for school ("" the
// cluster) as of asOf ("" now) in format xlsx, csv or json, and returns
// it: over the HTTP bridge there is no save dialog.
func (s *ExportService) FiguresFile(format, period, school, asOf string) (FiguresFile, error) {
	f, b, err := s.figuresFile(format, period, school, asOf)
	f.Base64 = base64.StdEncoding.EncodeToString(b)
	return f, err
}

// SaveFigures makes the same file and asks, in the window, where to save
// it; it returns the path, or "" if the user cancelled.
func (s *ExportService) SaveFigures(format, period, school, asOf string) (string, error) {
	f, b, err := s.figuresFile(format, period, school, asOf)
	if err != nil {
		return "", err
	}
	return s.app.runtime.saveFile("Lưu số liệu", f.Name, b)
}
