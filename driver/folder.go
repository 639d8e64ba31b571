package driver

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/concbench/concbench/internal/oserr"
)

// newRunFolder creates and returns a new folder under results named
// <UTC time>-<host>, or <UTC time>-<host>-N for the smallest N ≥ 2 that is
// free: an earlier run is never overwritten. host is -host, checked by
// checkHost; "" means os.Hostname.
func newRunFolder(results, host string, now time.Time) (string, error) {
	if err := checkResults(results); err != nil {
		return "", err
	}
	if err := os.MkdirAll(results, 0o755); err != nil {
		return "", fmt.Errorf("cannot create the results folder %s (-results): %w", results, oserr.Cause(err))
	}
	if host == "" {
		h, err := os.Hostname()
		if err != nil || h == "" {
			h = "unknown-host"
		}
		host = h
	}
	base := filepath.Join(results, now.UTC().Format("20060102T150405Z")+"-"+safeName(host))
	for i := 1; i <= 1000; i++ {
		dir := base
		if i > 1 {
			dir = fmt.Sprintf("%s-%d", base, i)
		}
		err := os.Mkdir(dir, 0o755)
		if err == nil {
			return dir, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("cannot create a run folder in %s (-results): %w", results, oserr.Cause(err))
		}
	}
	return "", fmt.Errorf("creating the run folder: %s and 999 suffixed names exist", base)
}

// safeName keeps letters, digits, dots, dashes and underscores of a host
// name and turns anything else into a dash.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, s)
}

// checkHost refuses a -host that safeName would change, so that the folder
// is named as asked; a Kubernetes $(VAR) reference to a variable the pod
// does not have stays unexpanded and is refused here rather than turned
// into dashes.
func checkHost(host string) error {
	if host != safeName(host) {
		return fmt.Errorf("-host %q may hold only letters, digits, dots, dashes and underscores (an unexpanded $(VAR) means the variable is not set)", host)
	}
	return nil
}

// checkResults reports a -results path that cannot hold run folders — an
// existing file, or a path under one — without creating anything, so that
// the driver can refuse it before building and measuring.
func checkResults(results string) error {
	const valid = "point -results at a folder, or at a path where one can be created (the default is results)"
	want := filepath.Clean(results)
	for p := want; ; {
		fi, err := os.Stat(p)
		switch {
		case err == nil && fi.IsDir():
			return nil
		case err == nil && p == want:
			return fmt.Errorf("-results %s is a file, not a folder; %s", results, valid)
		case err == nil:
			return fmt.Errorf("-results %s is under %s, which is a file, not a folder; %s", results, p, valid)
		case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR):
			return fmt.Errorf("-results %s cannot be used: %w", results, oserr.Cause(err))
		}
		parent := filepath.Dir(p)
		if parent == p {
			return nil
		}
		p = parent
	}
}
