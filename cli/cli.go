// Package cli is socai's command line: the same binary as the window, the
// same services, for scripts and inspectors. Exit codes: 0 fine, 1 a check
// failed (verification, validation), 2 wrong usage.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"

	"socai/app"
	"socai/events"
	"socai/vn"
)

// Exit codes of the contract.
const (
	ExitOK     = 0
	ExitFailed = 1
	ExitUsage  = 2
)

// Env is what a command runs with.
type Env struct {
	Stdout, Stderr io.Writer
	Assets         fs.FS // the built frontend, for serve
	DB             string
	Actor          string
}

type command struct {
	summary string
	run     func(env *Env, args []string) error
}

var commands = map[string]command{
	"init":    {"tạo cơ sở dữ liệu và định danh của bản cài đặt", runInit},
	"import":  {"ghi các sự kiện của một tệp JSONL (tất cả hoặc không gì cả)", runImport},
	"log":     {"liệt kê sự kiện [--stream S] [--type T] [--from SEQ] [--limit N] [--json]", runLog},
	"verify":  {"kiểm tra toàn vẹn [--json] [--against KHÁC.db] [--digest \"MÃ; MÃ\"]", runVerify},
	"stats":   {"thống kê sổ cái [--json]", runStats},
	"version": {"phiên bản [--json]", runVersion},
	"serve":   {"phục vụ giao diện qua HTTP trên 127.0.0.1 (kiểm thử trình duyệt)", runServe},
	"rebuild": {"dựng lại các bảng số liệu từ sự kiện [TÊN…]", runRebuild},
	"report":  {"số liệu theo kỳ: report classplans|stafftraining|research|awards|deadlines --period P [--school MÃ] [--json]", runReport},
	"demo":    {"nạp dữ liệu mẫu của Cụm miền núi biên giới phía Bắc vào sổ cái trống [--json]", runDemo},
	"close":   {"chốt số liệu: close --period P [--scope MÃ] | --list | --amendments --period P [--json]", runClose},
	"digest":  {"mã xác thực của sổ cái (in trên báo cáo) [--as-of T] [--qr TỆP.png] [--json]", runDigest},
	"history": {"lịch sử một đối tượng: history <mã | luồng> [--actor A] [--type T] [--from D] [--to D] [--clock occurred|recorded] [--school S] [--as-of T] [--json]", runHistory},
	"retract": {"hủy (và sửa) một bản ghi: retract <mã sự kiện> --reason LÝ_DO [--replacement JSON] [--on D] [--json]", runRetract},

	"snapshot": {"cập nhật ảnh chụp bảng số liệu (xem số liệu tại một thời điểm nhanh hơn) [--list] [--json]", runSnapshot},
}

// usageError is wrong usage: exit 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// helpRequested is -h or --help after a command: print its flags, exit 0.
type helpRequested struct{ fs *flag.FlagSet }

func (helpRequested) Error() string { return "help requested" }

// failedError is a check that failed after printing its own report: exit 1.
type failedError struct{ msg string }

func (e failedError) Error() string { return e.msg }

// Run runs the command line args (without the program name) and returns the exit code.
func Run(args []string, assets fs.FS, stdout, stderr io.Writer) int {
	env := &Env{Stdout: stdout, Stderr: stderr, Assets: assets}
	global := flag.NewFlagSet("socai", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	addCommon(global, env)
	if err := global.Parse(args); errors.Is(err, flag.ErrHelp) {
		usage(stdout)
		return ExitOK
	} else if err != nil {
		return report(env, usagef("%v", err))
	}
	rest := global.Args()
	if len(rest) == 0 || rest[0] == "help" || rest[0] == "-h" {
		usage(stdout)
		if len(rest) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	cmd, ok := commands[rest[0]]
	if !ok {
		return report(env, usagef("lệnh không tồn tại: %q (xem socai help)", rest[0]))
	}
	return report(env, cmd.run(env, rest[1:]))
}

func addCommon(fs *flag.FlagSet, env *Env) {
	if fs.Lookup("db") == nil {
		fs.StringVar(&env.DB, "db", env.DB, "tệp cơ sở dữ liệu (mặc định: SOCAI_DB hoặc thư mục cấu hình người dùng)")
		fs.StringVar(&env.Actor, "actor", env.Actor, "người ghi nhận (mặc định: SOCAI_ACTOR hoặc người dùng hệ điều hành)")
	}
}

// flags makes a command's flag set; the common flags are accepted after the command too.
func flags(env *Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("socai "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addCommon(fs, env)
	return fs
}

// parse parses a command's flags, allowing them after positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
			return nil, helpRequested{fs}
		} else if err != nil {
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// noArgs parses the flags of a command that takes no positional argument.
func noArgs(fs *flag.FlagSet, args []string) error {
	pos, err := parse(fs, args)
	if err == nil && len(pos) > 0 {
		err = usagef("%s không nhận đối số %q", fs.Name(), pos[0])
	}
	return err
}

func report(env *Env, err error) int {
	var ue usageError
	var fe failedError
	var hr helpRequested
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &hr):
		fmt.Fprintf(env.Stdout, "Cách dùng: %s [cờ]\n", hr.fs.Name())
		hr.fs.SetOutput(env.Stdout)
		hr.fs.PrintDefaults()
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintln(env.Stderr, "socai: "+ue.msg)
		return ExitUsage
	case errors.As(err, &fe):
		if fe.msg != "" {
			fmt.Fprintln(env.Stderr, "socai: "+fe.msg)
		}
		return ExitFailed
	}
	fmt.Fprintf(env.Stderr, "socai: %v\n", err)
	if code := events.ErrorCode(err); code != events.EINTERNAL {
		fmt.Fprintf(env.Stderr, "socai: mã lỗi %s\n", code)
	}
	return ExitFailed
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "socai – Sổ cái Cụm thi đua "+app.Version)
	fmt.Fprintln(w, "Không đối số: mở cửa sổ ứng dụng. Dòng lệnh: socai [--db TỆP] [--actor TÊN] <lệnh> …")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "Mã thoát: 0 tốt, 1 kiểm tra không đạt, 2 sai cách dùng. Xem docs/cli.md.")
}

func (env *Env) dbPath() string {
	if env.DB != "" {
		return env.DB
	}
	return app.DefaultDBPath()
}

func (env *Env) actor() string {
	if strings.TrimSpace(env.Actor) != "" {
		return env.Actor
	}
	return app.DefaultActor()
}

// open opens the ledger, creating it if needed.
func (env *Env) open() (*app.App, error) {
	a, err := app.Open(env.dbPath(), env.progress)
	if err != nil {
		return nil, err
	}
	a.Actor = env.actor()
	return a, nil
}

// progress reports a projection rebuild on stderr.
func (env *Env) progress(name string, done, total int64) {
	fmt.Fprintf(env.Stderr, "Dựng lại bảng số liệu %s: %s/%s sự kiện\n", name, vn.Int(done), vn.Int(total))
}

// openExisting opens a ledger that must already exist: reading commands never create one.
func (env *Env) openExisting() (*app.App, error) {
	if _, err := os.Stat(env.dbPath()); err != nil {
		return nil, usagef("không có cơ sở dữ liệu %s (tạo bằng: socai --db %s init)", env.dbPath(), env.dbPath())
	}
	return env.open()
}
