package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// newRunFolder creates and returns a new folder under results named
// <UTC time>-<host>, or <UTC time>-<host>-N for the smallest N ≥ 2 that is
// free: an earlier run is never overwritten.
func newRunFolder(results string, now time.Time) (string, error) {
	if err := os.MkdirAll(results, 0o755); err != nil {
		return "", fmt.Errorf("creating the results folder: %w", err)
	}
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "unknown-host"
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
			return "", fmt.Errorf("creating the run folder: %w", err)
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
