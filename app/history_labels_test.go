package app_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"socai/app"
)

// The window shows the words of its locale, the CLI those of package app:
// both lists must say the same, so that a history reads alike everywhere.
func TestLabelsMatchTheLocale(t *testing.T) {
	b, err := os.ReadFile("../frontend/src/locales/vi.ts")
	if err != nil {
		t.Fatal(err)
	}
	locale := string(b)
	for _, c := range []struct {
		block string
		want  map[string]string
	}{{"\n  eventTypes: {", app.EventTypeLabels}, {"\n      fields: {", app.FieldLabels}} {
		got := localeBlock(t, locale, c.block)
		for k, v := range c.want {
			if got[k] != v {
				t.Errorf("%s %s: locale %q, Go %q", strings.TrimSpace(c.block), k, got[k], v)
			}
		}
		for k := range got {
			if _, ok := c.want[k]; !ok {
				t.Errorf("%s %s: in the locale only", strings.TrimSpace(c.block), k)
			}
		}
	}
}

var localeEntry = regexp.MustCompile(`^\s*'?([A-Za-z_.]+)'?: '([^']*)',$`)

// localeBlock reads the `key: 'text',` lines of the object opened by start.
func localeBlock(t *testing.T, locale, start string) map[string]string {
	t.Helper()
	i := strings.Index(locale, start)
	if i < 0 {
		t.Fatalf("no %q in vi.ts", start)
	}
	out := map[string]string{}
	for _, line := range strings.Split(locale[i+len(start):], "\n")[1:] {
		if strings.Contains(line, "} as Record") {
			return out
		}
		m := localeEntry.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("vi.ts: unexpected line in %s: %q", start, line)
		}
		out[m[1]] = m[2]
	}
	t.Fatalf("vi.ts: %s is not closed", start)
	return nil
}
