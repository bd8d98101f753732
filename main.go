// socai – Sổ cái Cụm thi đua. Without arguments it opens the window; with a
// command it is the CLI (socai help).
package main

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"

	"socai/app"
	"socai/cli"
)

//go:embed all:frontend/dist
var assets embed.FS

func main() {
	dist, err := fs.Sub(assets, "frontend/dist")
	if err != nil {
		panic(err)
	}
	if len(os.Args) > 1 {
		os.Exit(cli.Run(os.Args[1:], dist, os.Stdout, os.Stderr))
	}
	if err := runWindow(dist); err != nil {
		fmt.Fprintln(os.Stderr, "socai:", err)
		os.Exit(1)
	}
}

func runWindow(dist fs.FS) error {
	window := &options.App{
		Title:       "socai – Sổ cái Cụm thi đua",
		Width:       1280,
		Height:      820,
		MinWidth:    960,
		MinHeight:   640,
		AssetServer: &assetserver.Options{Assets: dist},
		// Refusals reach the UI with their code and field, as over HTTP. The
		// Wails runtime rejects with new Error(value): a string survives that,
		// an object would become "[object Object]".
		ErrorFormatter: app.FormatErrorJSON,
	}
	a, err := app.Open(app.DefaultDBPath(), nil)
	if err != nil {
		// A desktop user never sees stderr: say it in a dialog.
		window.OnStartup = func(ctx context.Context) { app.FatalDialog(ctx, err) }
		wails.Run(window)
		return err
	}
	defer a.Close()
	window.OnStartup = a.Startup
	window.Bind = a.Services()
	return wails.Run(window)
}
