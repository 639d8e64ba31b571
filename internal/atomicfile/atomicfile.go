// Package atomicfile writes files so that no reader ever sees one
// half-written: each goes to a temporary file in its folder first and is
// renamed into place only once complete. Writing several files, none is
// renamed until all are complete, so a full disk replaces nothing.
//
// On any error no temporary file is left, and every file not yet renamed
// keeps its earlier content. Errors name the file: "writing <path>: …".
// A Writer is a value with no state of its own; several goroutines may
// use one, on different files.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/concbench/concbench/internal/oserr"
)

// A File is one file to write: its name in the folder and its content.
type File struct {
	Name string
	Data []byte
}

// A Writer writes files atomically. Its zero value writes with
// (*os.File).Write.
type Writer struct {
	// Write, when set, writes data to a temporary file in place of
	// (*os.File).Write: a test makes it fail as a full disk does.
	Write func(f *os.File, data []byte) error
}

// Write writes data to the file at path (Writer.WriteAll of one file).
func Write(path string, data []byte) error {
	return Writer{}.WriteAll(filepath.Dir(path), []File{{filepath.Base(path), data}})
}

// WriteAll writes files into the folder dir: every file to a temporary
// file in dir first, then, once all are complete, each renamed into
// place in order (put the one readers look for first, such as a report,
// last). A name taken by a folder is refused before anything is written.
func (w Writer) WriteAll(dir string, files []File) error {
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		if fi, err := os.Lstat(path); err == nil && fi.IsDir() {
			return fmt.Errorf("%s is a folder, but the report writes a file of that name: move the folder away and run the report again", path)
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("writing %s: %w", path, oserr.Cause(err))
		}
	}
	temps := make([]string, 0, len(files))
	defer func() {
		for _, t := range temps {
			os.Remove(t) // those not renamed; harmless for the others
		}
	}()
	for _, f := range files {
		tmp, err := w.temp(dir, f)
		if tmp != "" {
			temps = append(temps, tmp)
		}
		if err != nil {
			return fmt.Errorf("writing %s: %w", filepath.Join(dir, f.Name), oserr.Cause(err))
		}
	}
	for i, f := range files {
		path := filepath.Join(dir, f.Name)
		if err := os.Rename(temps[i], path); err != nil {
			return fmt.Errorf("writing %s: moving the finished file into place: %w", path, oserr.Cause(err))
		}
	}
	return nil
}

// temp writes f to a new temporary file in dir and returns its name (""
// if it could not be created).
func (w Writer) temp(dir string, f File) (string, error) {
	t, err := os.CreateTemp(dir, "."+f.Name+".tmp*")
	if err != nil {
		return "", err
	}
	write := w.Write
	if write == nil {
		write = func(f *os.File, data []byte) error { _, err := f.Write(data); return err }
	}
	if err := write(t, f.Data); err != nil {
		t.Close()
		return t.Name(), err
	}
	if err := t.Chmod(0o644); err != nil {
		t.Close()
		return t.Name(), err
	}
	return t.Name(), t.Close()
}
