package main

import (
	"bytes"
	"errors"
	"flag"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// TestMain checks for goroutine leaks, but for those already running when
// the tests start: the ants pool library, linked through the strategies,
// starts two when it is imported.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.IgnoreCurrent())
}

// The command's own errors: -h is flag.ErrHelp (exit 2) with the usage,
// and a package that does not build is one line.
func TestRunErrors(t *testing.T) {
	var stderr bytes.Buffer
	if err := run([]string{"-h"}, &bytes.Buffer{}, &stderr); !errors.Is(err, flag.ErrHelp) || !strings.Contains(stderr.String(), "usage: concbench [flags] [package]") {
		t.Errorf("-h: %v\n%s", err, stderr.String())
	}
	err := run([]string{"-results", t.TempDir(), "./no/such/package"}, &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil || !strings.HasPrefix(err.Error(), "building the test binary of ./no/such/package (go test -c): ") || strings.Contains(err.Error(), "\n") {
		t.Errorf("a bad package: %v", err)
	}
}
