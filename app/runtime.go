package app

import (
	"context"

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
