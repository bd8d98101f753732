package cli

import (
	"sort"
	"strings"
)

// subcommands is a command made of subcommands (socai inspection open …,
// socai export docx …): the first argument chooses one, the rest are its.
type subcommands map[string]func(env *Env, args []string) error

// run dispatches args to the chosen subcommand of group; doc says where the
// group is documented.
func (s subcommands) run(env *Env, group, doc string, args []string) error {
	names := make([]string, 0, len(s))
	for n := range s {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usagef("cách dùng: socai %s %s … (xem %s)", group, strings.Join(names, "|"), doc)
	}
	run, ok := s[args[0]]
	if !ok {
		return usagef("không có lệnh %s %q (có: %s)", group, args[0], strings.Join(names, ", "))
	}
	return run(env, args[1:])
}
