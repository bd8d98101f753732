package cli

import "socai/app"

// show runs a command that takes no arguments, reads one value from the
// ledger opened by open (env.open or env.openExisting) and prints it: as
// JSON with --json, else with text.
func show[T any](env *Env, name string, args []string, open func() (*app.App, error),
	get func(*app.App) (T, error), text func(T)) error {
	fs := flags(env, name)
	asJSON := fs.Bool("json", false, "JSON")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	a, err := open()
	if err != nil {
		return err
	}
	defer a.Close()
	v, err := get(a)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env, v)
	}
	text(v)
	return nil
}
