package plots

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/concbench/concbench/internal/oserr"
)

// outFile is one file to write into a run folder.
type outFile struct {
	name string
	data []byte
}

// writeData writes data to f. Tests replace it to fail as a full disk does.
var writeData = func(f *os.File, data []byte) error {
	_, err := f.Write(data)
	return err
}

// writeAtomic writes data to dir/name through a temporary file in dir and
// a rename, so that a reader never sees a half-written file.
func writeAtomic(dir, name string, data []byte) error {
	return writeAll(dir, []outFile{{name, data}})
}

// writeAll writes files into dir so that no reader ever sees a half-written
// one: every file goes to a temporary file in dir first, and only once all
// are complete are they renamed into place, in order (put REPORT.md last).
// A name taken by a folder is refused before anything is written. On any
// error no temporary file is left, and every file not yet renamed keeps its
// earlier content; when writing fails (a full disk), none was renamed.
func writeAll(dir string, files []outFile) (err error) {
	for _, f := range files {
		path := filepath.Join(dir, f.name)
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
		path := filepath.Join(dir, f.name)
		tmp, err := writeTemp(dir, f)
		if tmp != "" {
			temps = append(temps, tmp)
		}
		if err != nil {
			return fmt.Errorf("writing %s: %w", path, oserr.Cause(err))
		}
	}
	for i, f := range files {
		path := filepath.Join(dir, f.name)
		if err := os.Rename(temps[i], path); err != nil {
			return fmt.Errorf("writing %s: moving the finished file into place: %w", path, oserr.Cause(err))
		}
	}
	return nil
}

// writeTemp writes f to a new temporary file in dir and returns its name
// ("" if it could not be created).
func writeTemp(dir string, f outFile) (string, error) {
	t, err := os.CreateTemp(dir, "."+f.name+".tmp*")
	if err != nil {
		return "", err
	}
	if err := writeData(t, f.data); err != nil {
		t.Close()
		return t.Name(), err
	}
	if err := t.Chmod(0o644); err != nil {
		t.Close()
		return t.Name(), err
	}
	return t.Name(), t.Close()
}
