package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteReplaces(t *testing.T) {
	dir := t.TempDir()
	for _, s := range []string{"one", "two"} {
		if err := Write(filepath.Join(dir, "f.txt"), []byte(s)); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(filepath.Join(dir, "f.txt")); string(got) != s {
			t.Errorf("content %q, want %q", got, s)
		}
	}
	if err := Write(filepath.Join(dir, "nope", "f.txt"), nil); err == nil || !strings.HasPrefix(err.Error(), "writing ") {
		t.Errorf("a missing folder: %v", err)
	}
}

// A failing write replaces nothing and leaves no temporary file.
func TestWriteAllFailingReplacesNothing(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a", "b"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	w := Writer{Write: func(f *os.File, data []byte) error {
		if strings.HasPrefix(filepath.Base(f.Name()), ".b") {
			return errors.New("no space left on device")
		}
		_, err := f.Write(data)
		return err
	}}
	err := w.WriteAll(dir, []File{{"a", []byte("new")}, {"b", []byte("new")}})
	if err == nil || err.Error() != "writing "+filepath.Join(dir, "b")+": no space left on device" {
		t.Fatalf("error %v", err)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if data, _ := os.ReadFile(filepath.Join(dir, e.Name())); e.Name() != "a" && e.Name() != "b" || string(data) != "old" {
			t.Errorf("%s: %q after a failed write", e.Name(), data)
		}
	}
}

func TestWriteAllRefusesAFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "REPORT.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	err := Writer{}.WriteAll(dir, []File{{"x", nil}, {"REPORT.md", nil}})
	if err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Fatalf("error %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "x")); err == nil {
		t.Error("x was written before the folder was refused")
	}
}
