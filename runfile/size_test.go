package runfile_test

import (
	"math"
	"strings"
	"testing"

	"github.com/concbench/concbench/runfile"
)

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
	}{
		// Every form the committed runs' names hold.
		{"64B", 64}, {"100B", 100}, {"5B", 5}, {"40004B", 40004},
		{"1KiB", 1 << 10}, {"16KiB", 16 << 10}, {"64KiB", 64 << 10}, {"1MiB", 1 << 20},
		// The other forms.
		{"4096", 4096}, {"1GiB", 1 << 30}, {"2kB", 2000}, {"2KB", 2000}, {"3MB", 3e6}, {"1GB", 1e9},
		{"8589934591GiB", 8589934591 << 30},
	} {
		if got, err := runfile.ParseSize(tc.in); err != nil || got != tc.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
}

func TestParseSizeErrors(t *testing.T) {
	for in, want := range map[string]string{
		"":              "is not a byte count",
		"KiB":           "is not a byte count",
		"12XB":          "is not a byte count",
		"4k":            "is not a byte count", // a decimal prefix without B
		"1.5MiB":        "is not a byte count",
		"64 KiB":        "is not a byte count",
		"0":             "must be positive",
		"0B":            "must be positive",
		"-5KiB":         "must be positive",
		"8589934592GiB": "is too large",
	} {
		_, err := runfile.ParseSize(in)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), `"`+in+`"`) {
			t.Errorf("ParseSize(%q) = %v, want an error naming it and containing %q", in, err, want)
		}
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{
		1: "1B", 64: "64B", 1000: "1000B", 1024: "1KiB", 1025: "1025B", 65536: "64KiB",
		3 << 20: "3MiB", 1 << 30: "1GiB", 3 << 30: "3GiB", (1 << 30) + (1 << 20): "1025MiB",
	} {
		if got := runfile.FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
	for _, n := range []int64{1, 64, 1000, 1024, 65536, 3 << 20, 1 << 30, 1025, math.MaxInt64} {
		if got, err := runfile.ParseSize(runfile.FormatSize(n)); err != nil || got != n {
			t.Errorf("FormatSize(%d) = %q does not parse back: %d, %v", n, runfile.FormatSize(n), got, err)
		}
	}
}
