package cli

import (
	"context"
	"fmt"
	"os"
	"text/tabwriter"

	"socai/projections"
	"socai/vn"
)

// runSnapshot brings the projection snapshots of the ledger up to date, or
// lists them (--list). It reads the ledger without opening it for writing:
// on a read-only ledger or folder it says that no snapshot can be kept and
// exits 0, since views of the past still work, replaying every event.
func runSnapshot(env *Env, args []string) error {
	fs := flags(env, "snapshot")
	asJSON := fs.Bool("json", false, "JSON")
	list := fs.Bool("list", false, "chỉ liệt kê, không tạo hay xóa")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	path := env.dbPath()
	if _, err := os.Stat(path); err != nil {
		return usagef("không có cơ sở dữ liệu %s (tạo bằng: socai --db %s init)", path, path)
	}
	ctx := context.Background()
	pol := projections.DefaultSnapshotPolicy
	if *list {
		snaps, err := projections.ListSnapshots(ctx, path, projections.All()...)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env, map[string]any{"db_path": path, "dir": projections.SnapshotDir(path), "policy": pol,
				"snapshots": snaps})
		}
		printSnapshotsHeader(env, path, pol)
		printSnapshots(env, snaps)
		return nil
	}
	rep, err := projections.EnsureSnapshots(ctx, path, pol, projections.All()...)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env, map[string]any{"db_path": path, "dir": rep.Dir, "policy": pol, "head": rep.Head,
			"disabled": rep.Disabled, "created": rep.Created, "removed": rep.Removed, "snapshots": rep.Snapshots})
	}
	printSnapshotsHeader(env, path, pol)
	if rep.Disabled != "" {
		fmt.Fprintf(env.Stdout, "Không lưu được ảnh chụp: %s.\nXem số liệu tại một thời điểm vẫn được, chỉ chậm hơn (dựng lại từ đầu).\n", rep.Disabled)
	} else {
		fmt.Fprintf(env.Stdout, "Sổ cái có %s sự kiện. Đã tạo %d, đã xóa %d ảnh chụp.\n", vn.Int(rep.Head), len(rep.Created), len(rep.Removed))
		for _, r := range rep.Removed {
			fmt.Fprintf(env.Stdout, "  đã xóa seq %s: %s\n", vn.Int(r.Seq), r.Problem)
		}
	}
	printSnapshots(env, rep.Snapshots)
	return nil
}

func printSnapshotsHeader(env *Env, path string, pol projections.SnapshotPolicy) {
	fmt.Fprintf(env.Stdout, "Ảnh chụp bảng số liệu của sổ cái %s\nThư mục: %s (mỗi %s sự kiện, giữ %d ảnh định kỳ mới nhất và mọi ảnh chốt số liệu)\n",
		path, projections.SnapshotDir(path), vn.Int(pol.Every), pol.Keep)
}

func printSnapshots(env *Env, snaps []projections.SnapshotInfo) {
	if len(snaps) == 0 {
		fmt.Fprintln(env.Stdout, "Chưa có ảnh chụp nào.")
		return
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SEQ\tLOẠI\tGHI NHẬN ĐẾN\tDUNG LƯỢNG\tTÌNH TRẠNG")
	for _, s := range snaps {
		kind := "định kỳ"
		if s.Kind == projections.SnapshotPeriodClose {
			kind = fmt.Sprintf("chốt số liệu %s %s (seq %s)", s.Period, s.Scope, vn.Int(s.CloseSeq))
		}
		state := "dùng được"
		if s.Problem != "" {
			state = "không dùng: " + s.Problem
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s MB\t%s\n", vn.Int(s.Seq), kind, vn.DateTimeText(s.RecordedAt),
			vn.Decimal(float64(s.Bytes)/(1<<20), 1), state)
	}
	tw.Flush()
}
