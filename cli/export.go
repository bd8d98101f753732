package cli

// exportKinds are the kinds of socai export: each kind registers itself
// from its own file (export_*.go) in an init function.
var exportKinds = subcommands{}

func init() {
	commands["export"] = command{"xuất số liệu: export snapshot|docx|xlsx|csv|json --period P … --out TỆP (docs/cli.md)",
		func(env *Env, args []string) error { return exportKinds.run(env, "export", "docs/cli.md", args) }}
}
