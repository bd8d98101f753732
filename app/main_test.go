package app_test

import (
	"os"
	"testing"
)

var benchDir string

// tempDir is a folder shared by the benchmarks of one run, removed at exit.
func tempDir() (string, error) {
	if benchDir == "" {
		d, err := os.MkdirTemp("", "socai-bench-")
		if err != nil {
			return "", err
		}
		benchDir = d
	}
	return benchDir, nil
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}
