package decode

import (
	"strings"
	"testing"

	"github.com/concbench/concbench"
)

// TestBuildRejects checks that bad specs fail with errors saying what is
// valid, as concbench.Run passes them on.
func TestBuildRejects(t *testing.T) {
	for text, want := range map[string]string{
		"encode":             "valid workloads are decode",
		"decode":             "records must be a positive integer",
		"decode/records=0":   "records must be a positive integer",
		"decode/records=two": "records must be a positive integer",
	} {
		spec, err := concbench.ParseSpec(text)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := build(spec); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("build(%s) = %v, want an error containing %q", text, err, want)
		}
	}
}
