// socai – Sổ cái Cụm thi đua. Without arguments it opens the window; with a
// command it is the CLI (socai help).
package main

import (
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
	a, err := app.Open(app.DefaultDBPath(), nil)
	if err != nil {
		return err
	}
	defer a.Close()
	return wails.Run(&options.App{
		Title:       "socai – Sổ cái Cụm thi đua",
		Width:       1280,
		Height:      820,
		MinWidth:    960,
		MinHeight:   640,
		AssetServer: &assetserver.Options{Assets: dist},
		OnStartup:   a.Startup,
		Bind:        a.Services(),
	})
}
