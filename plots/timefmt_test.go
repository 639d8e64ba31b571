package plots

import (
	"math"
	"testing"
)

func TestFormatTime(t *testing.T) {
	for _, c := range []struct {
		ns    float64
		style timeStyle
		want  string
	}{
		{312, timeShort, "312ns"},
		{4100, timeShort, "4.10µs"},
		{10.2e6, timeShort, "10.2ms"},
		{1.5e9, timeShort, "1.50s"},
		{-2500, timeShort, "-2.50µs"},
		{math.NaN(), timeShort, "—"},
		{1.02e6, timeSpaced, "1.02 ms"},
		{120e3, timeSpaced, "120 µs"},
		{0.5, timeSpaced, "0.5 ns"},
		{500e3, timeExact, "500µs"},
		{1e7, timeExact, "10ms"},
		{2e9, timeExact, "2s"},
		{math.NaN(), timeExact, "—"},
	} {
		if got := formatTime(c.ns, c.style); got != c.want {
			t.Errorf("formatTime(%g, %d) = %q, want %q", c.ns, c.style, got, c.want)
		}
	}
	if ns(4100) != formatTime(4100, timeShort) {
		t.Error("ns is not formatTime in the short style")
	}
}
