//go:build !unix

package strategies

import (
	"io"
	"os"
)

// pollable returns in as it is: only Unix descriptors are made pollable.
func pollable(in io.Reader) (io.Reader, *os.File) { return in, nil }
