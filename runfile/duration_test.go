package runfile_test

import (
	"strings"
	"testing"
	"time"

	"github.com/concbench/concbench/runfile"
)

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]time.Duration{
		// Every form the committed runs' names hold.
		"0s": 0, "1ms": time.Millisecond, "5ms": 5 * time.Millisecond, "10ms": 10 * time.Millisecond,
		// The other forms time.Duration.String writes; the sign is the caller's to judge.
		"1.5s": 1500 * time.Millisecond, "2m0s": 2 * time.Minute, "250µs": 250 * time.Microsecond, "-1ms": -time.Millisecond,
	} {
		if got, err := runfile.ParseDuration(in); err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "10", "ten ms", "10 ms"} {
		_, err := runfile.ParseDuration(in)
		if err == nil || !strings.Contains(err.Error(), `"`+in+`" is not a duration`) {
			t.Errorf("ParseDuration(%q) = %v, want an error naming it", in, err)
		}
	}
}
