// Package oserr trims the errors of package os for messages that already
// name the file.
package oserr

import (
	"errors"
	"io/fs"
	"os"
)

// Cause strips the operation and path that os errors repeat, so that a
// message naming the file itself reads "no space left on device" rather
// than "write /x/.raw.txt.tmp123: no space left on device". Other errors
// are returned as they are.
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	var se *os.SyscallError
	if errors.As(err, &se) {
		return se.Err
	}
	return err
}
