package unitfmt

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
		{1.02e6, TimeSpaced, "1.02 ms"},
		{120e3, TimeSpaced, "120 µs"},
		{0.5, TimeSpaced, "0.5 ns"},
		{500e3, TimeExact, "500µs"},
		{1e7, TimeExact, "10ms"},
		{2e9, TimeExact, "2s"},
		{math.NaN(), TimeExact, "—"},
	} {
		if got := FormatTime(c.ns, c.style); got != c.want {
			t.Errorf("formatTime(%g, %d) = %q, want %q", c.ns, c.style, got, c.want)
		}
	}
	if Ns(4100) != FormatTime(4100, timeShort) {
		t.Error("ns is not formatTime in the short style")
	}
}
