package cli

import (
	"context"
	"fmt"

	"socai/projections"
	"socai/vn"
)

// runDemo loads the demo cluster (docs/demo.md) into the --db ledger,
// creating it; a ledger that already holds events is refused (exit 1).
func runDemo(env *Env, args []string) error {
	fs := flags(env, "demo")
	asJSON := fs.Bool("json", false, "JSON")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	a, err := env.open()
	if err != nil {
		return err
	}
	defer a.Close()
	ctx := context.Background()
	res, err := a.LoadDemo(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env, map[string]any{"db_path": a.Store.Path(), "loaded": res})
	}
	w := env.Stdout
	fmt.Fprintf(w, "Đã nạp dữ liệu mẫu vào sổ cái %s\n", a.Store.Path())
	fmt.Fprintf(w, "%s (mã %s)\n", res.ClusterName, res.ClusterID)
	fmt.Fprintf(w, "  %s sự kiện trong %s luồng (seq %d–%d)\n", demoInt(res.Events), demoInt(res.Streams), res.FirstSeq, res.LastSeq)
	fmt.Fprintf(w, "  %s trường, %s loại lớp, %s lớp\n", demoInt(res.Schools), demoInt(res.ClassTypes), demoInt(res.Classes))
	fmt.Fprintf(w, "  %s viên chức, %s lượt đi học\n", demoInt(res.Staff), demoInt(res.Enrollments))
	fmt.Fprintf(w, "  %s đề tài, đề án, sáng kiến; %s hội thảo; %s số bản tin; %s trang thông tin điện tử\n",
		demoInt(res.Topics), demoInt(res.Workshops), demoInt(res.Bulletins), demoInt(res.Websites))
	fmt.Fprintf(w, "  %s danh hiệu, khen thưởng năm 2023; %s thời hạn năm 2023\n", demoInt(res.Awards), demoInt(res.Deadlines))

	// The figures of the reference report, as the projections compute them.
	h1, err := projections.ParsePeriod("2021-H1")
	if err != nil {
		return err
	}
	q := a.Store.DB()
	cp, err := projections.ClassPlanFigures(ctx, q, h1, "")
	if err != nil {
		return err
	}
	st, err := projections.StaffTrainingFigures(ctx, q, h1, "")
	if err != nil {
		return err
	}
	rs, err := projections.ResearchFigures(ctx, q, h1, "")
	if err != nil {
		return err
	}
	c := func(x projections.Count) string {
		return vn.Int(x.Classes) + " lớp / " + vn.Int(x.Students) + " học viên"
	}
	fmt.Fprintln(w, "\n6 tháng đầu năm 2021 (so với Báo cáo 51-BC/CTĐ ngày 12/8/2021):")
	if cp.Total.Target != nil {
		fmt.Fprintf(w, "  Chỉ tiêu năm 2021: %s\n", c(*cp.Total.Target))
	}
	fmt.Fprintf(w, "  Thực hiện: %s (chuyển sang %s; mở mới %s)\n", c(cp.Total.Executed), c(cp.Total.Carried), c(cp.Total.New))
	fmt.Fprintf(w, "  Viên chức đi đào tạo, bồi dưỡng: %s lượt\n", vn.Int(st.Total))
	fmt.Fprintf(w, "  Đề tài, đề án, sáng kiến triển khai: %s\n", vn.Int(rs.Active.Total))
	fmt.Fprintf(w, "  Bản tin: %s số / %s tin, bài của %s trường; website: %s/%s trường\n",
		vn.Int(rs.Bulletins.Issues), vn.Int(rs.Bulletins.Articles), vn.Int(rs.Bulletins.Schools),
		vn.Int(rs.Websites.With), vn.Int(rs.Websites.Schools))
	fmt.Fprintln(w, "\nSố liệu chia theo trường và từng lớp, đề tài, người là minh họa (xem docs/demo.md).")
	fmt.Fprintln(w, "Xem tiếp: socai report classplans --period 2021-H1; socai report awards --period 2023")
	return nil
}

// demoInt formats a count the Vietnamese way: 1.761.
func demoInt(i int) string { return vn.Int(int64(i)) }
