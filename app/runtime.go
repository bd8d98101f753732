package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"
)

// uiRuntime is the only place that calls the Wails runtime. Outside the
// window (CLI, HTTP harness) ctx is nil and every call does nothing: the
// Wails runtime exits the process when called without its context.
type uiRuntime struct {
	ctx context.Context
}

func (r *uiRuntime) emit(name string, data ...any) {
	if r.ctx == nil {
		return
	}
	wruntime.EventsEmit(r.ctx, name, data...)
}

// saveFile asks where to save a file with the native dialog and writes it
// there; it returns the path, or "" when the user cancels. Outside the window
// it refuses: there is no dialog to show.
func (r *uiRuntime) saveFile(title, name string, content []byte) (string, error) {
	path, err := r.savePath(title, name)
	if err != nil || path == "" {
		return "", err
	}
	return path, os.WriteFile(path, content, 0o644)
}

// savePath asks where to save a file with the native dialog, for a caller
// that writes it itself (atomically); "" when the user cancels.
func (r *uiRuntime) savePath(title, name string) (string, error) {
	if r.ctx == nil {
		return "", Fail(EUnavailable, "", "hộp thoại lưu tệp chỉ có trong cửa sổ ứng dụng")
	}
	ext := strings.TrimPrefix(filepath.Ext(name), ".")
	return wruntime.SaveFileDialog(r.ctx, wruntime.SaveDialogOptions{
		Title: title, DefaultFilename: name,
		Filters: []wruntime.FileFilter{{DisplayName: strings.ToUpper(ext) + " (*." + ext + ")", Pattern: "*." + ext}},
	})
}

// openFile asks which file to open with the native dialog; "" when the user
// cancels.
func (r *uiRuntime) openFile(title, pattern, display string) (string, error) {
	if r.ctx == nil {
		return "", Fail(EUnavailable, "", "hộp thoại mở tệp chỉ có trong cửa sổ ứng dụng")
	}
	return wruntime.OpenFileDialog(r.ctx, wruntime.OpenDialogOptions{
		Title: title, Filters: []wruntime.FileFilter{{DisplayName: display, Pattern: pattern}},
	})
}

// FatalDialog tells the user, in a native dialog, why the window cannot
// start (the ledger cannot be opened), then quits.
func FatalDialog(ctx context.Context, err error) {
	wruntime.MessageDialog(ctx, wruntime.MessageDialogOptions{
		Type:    wruntime.ErrorDialog,
		Title:   "socai – không mở được sổ cái",
		Message: "Không mở được sổ cái " + DefaultDBPath() + ":\n" + err.Error(),
	})
	wruntime.Quit(ctx)
}
