package app

import (
	"context"
	"encoding/base64"
	"strings"
	"time"

	"socai/docxreport"
	"socai/events"
	"socai/projections"
)

// DocxRequest asks for the sơ kết or tổng kết report as DOCX.
type DocxRequest struct {
	// Kind: "so-ket" (period 2021-H1 or 2021-H2) or "tong-ket" (period 2021).
	Kind   string `json:"kind"`
	Period string `json:"period"`
	// School: a school id, "" for the whole cluster.
	School string `json:"school"`
	// AsOf: a record time (2021-08-10 or RFC 3339), "" for now.
	AsOf string `json:"as_of"`
}

// MIMEDocx is the media type of a DOCX file.
const MIMEDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// DocxFile makes the report; Content is the DOCX, base64 (the HTTP bridge
// and the browser carry text).
func (s *ExportService) DocxFile(req DocxRequest) (ReportFile, error) {
	name, body, err := s.app.ReportDocx(context.Background(), req, time.Now())
	if err != nil {
		return ReportFile{}, err
	}
	return ReportFile{Name: name, MIME: MIMEDocx, Content: base64.StdEncoding.EncodeToString(body)}, nil
}

// SaveDocx makes the report and saves it where the user says in the
// native dialog; it returns the path, "" when the user cancels.
func (s *ExportService) SaveDocx(req DocxRequest) (string, error) {
	name, body, err := s.app.ReportDocx(context.Background(), req, time.Now())
	if err != nil {
		return "", err
	}
	return s.app.runtime.saveFile("Lưu báo cáo DOCX", name, body)
}

// DocxPeriod checks the kind against the period: a sơ kết covers a half
// year, a tổng kết the year.
func DocxPeriod(kind, period string) (projections.Period, error) {
	if kind != docxreport.SoKet && kind != docxreport.TongKet {
		return projections.Period{}, Fail(events.EINVALID, "kind", "loại báo cáo %q không có (so-ket: sơ kết 6 tháng, tong-ket: tổng kết năm)", kind)
	}
	p, err := projections.ParsePeriod(period)
	if err != nil {
		return p, Fail(events.EINVALID, "period", "kỳ báo cáo %q không hợp lệ: %v", period, err)
	}
	half := strings.HasSuffix(p.Label, "-H1") || strings.HasSuffix(p.Label, "-H2")
	year := len(p.Label) == 4
	switch {
	case kind == docxreport.SoKet && !half:
		return p, Fail(events.EINVALID, "period", "báo cáo sơ kết 6 tháng cần kỳ nửa năm (ví dụ 2021-H1), không phải %q", period)
	case kind == docxreport.TongKet && !year:
		return p, Fail(events.EINVALID, "period", "báo cáo tổng kết năm cần kỳ là một năm (ví dụ 2021), không phải %q", period)
	}
	return p, nil
}

// ReportDocx makes the report of req as of now (the moment printed in its
// date line) and names its file.
func (a *App) ReportDocx(ctx context.Context, req DocxRequest, now time.Time) (string, []byte, error) {
	p, err := DocxPeriod(req.Kind, req.Period)
	if err != nil {
		return "", nil, err
	}
	var asOf time.Time
	if req.AsOf != "" {
		if asOf, err = projections.ParseAsOf(req.AsOf); err != nil {
			return "", nil, Fail(events.EINVALID, "as_of", "thời điểm %q không hợp lệ: %v", req.AsOf, err)
		}
		then, err := a.AsOf(ctx, asOf)
		if err != nil {
			return "", nil, err
		}
		defer then.Close()
		a = then
	}
	r, err := a.docxReport(ctx, req.Kind, p, req.School)
	if err != nil {
		return "", nil, err
	}
	r.AsOf, r.Made = asOf, now
	body, err := docxreport.Build(r)
	if err != nil {
		return "", nil, err
	}
	who := req.School
	if who == "" {
		who = "cum"
	}
	return req.Kind + "-" + who + "-" + p.Label + ".docx", body, nil
}

// docxReport gathers the figures and the digest of the report.
func (a *App) docxReport(ctx context.Context, kind string, p projections.Period, school string) (docxreport.Report, error) {
	q := a.DB()
	r := docxreport.Report{Kind: kind, Period: p, Cluster: school == ""}
	id := school
	if school == "" {
		var ids []string
		rows, err := q.QueryContext(ctx, `SELECT cluster_id FROM proj_clusters ORDER BY cluster_id`)
		if err != nil {
			return r, err
		}
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				rows.Close()
				return r, err
			}
			ids = append(ids, c)
		}
		rows.Close()
		if len(ids) != 1 {
			return r, Fail(EUnknownCluster, "school", "sổ cái có %d cụm thi đua: hãy chọn một trường", len(ids))
		}
		id = ids[0]
	} else {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM proj_schools WHERE school_id = ?`, school).Scan(&n); err != nil {
			return r, err
		}
		if n == 0 {
			return r, Fail(EUnknownSchool, "school", "không có trường %q trong sổ cái", school)
		}
	}
	var err error
	if r.Party, err = projections.PartyOf(ctx, q, id, p.Year()); err != nil {
		return r, err
	}
	r.ClusterName, r.Province = r.Party.ClusterName, r.Party.Province
	if r.Cluster {
		rows, err := q.QueryContext(ctx, `SELECT name FROM proj_schools WHERE cluster_id = ? ORDER BY rowid`, id)
		if err != nil {
			return r, err
		}
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				rows.Close()
				return r, err
			}
			r.Schools = append(r.Schools, n)
		}
		rows.Close()
	}
	if r.Classes, err = projections.ClassPlanFigures(ctx, q, p, school); err != nil {
		return r, err
	}
	if r.Staff, err = projections.StaffTrainingFigures(ctx, q, p, school); err != nil {
		return r, err
	}
	if r.Research, err = projections.ResearchFigures(ctx, q, p, school); err != nil {
		return r, err
	}
	if kind == docxreport.TongKet {
		aw, err := projections.AwardFigures(ctx, q, p.Year(), school)
		if err != nil {
			return r, err
		}
		r.Awards = &aw
	}
	codes, _, err := a.ReportDigest(ctx)
	if err != nil {
		return r, err
	}
	r.DigestCodes, r.DigestFull = codes.Codes, codes.Full
	if len(codes.Full) > 0 {
		if r.QR, err = QRPNG(codes.QRText(), QRSize); err != nil {
			return r, err
		}
	}
	return r, nil
}
