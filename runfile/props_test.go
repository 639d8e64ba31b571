package runfile_test

import (
	"strings"
	"testing"

	"github.com/concbench/concbench/runfile"
)

func TestParseProps(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     runfile.Props
	}{
		{"today's form", "concurrency=workers cores=all rank=10 model=false processes=true backlog=false process-per-task=true",
			runfile.Props{Concurrency: runfile.PerWorker, Rank: 10, Processes: true, ProcessPerTask: true}},
		{"before process-per-task (results/example)", "concurrency=workers cores=all rank=8 model=false processes=false backlog=true",
			runfile.Props{Concurrency: runfile.PerWorker, Rank: 8, Backlog: true}},
		{"before backlog", "concurrency=one cores=one rank=1 model=false processes=false",
			runfile.Props{Concurrency: runfile.One, OneCore: true, Rank: 1}},
		{"a model", "concurrency=per-task cores=one rank=2 model=true",
			runfile.Props{Concurrency: runfile.PerTask, OneCore: true, Rank: 2, Model: true}},
		{"a later version's key", "rank=2 future=yes", runfile.Props{Rank: 2}},
		{"empty", "", runfile.Props{}},
		{"extra spaces", "  rank=3\tcores=all ", runfile.Props{Rank: 3}},
	} {
		got, err := runfile.ParseProps(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("%s: ParseProps(%q) = %+v, %v; want %+v", tc.name, tc.in, got, err, tc.want)
		}
	}
}

func TestParsePropsErrors(t *testing.T) {
	for in, want := range map[string]string{
		"concurrency=many":       `concurrency "many" is not one, per-task or workers`,
		"cores=two":              `cores "two" is not one or all`,
		"rank=x":                 `"x": invalid syntax`,
		"model=maybe":            `"maybe": invalid syntax`,
		"process-per-task=often": `"often": invalid syntax`,
		"rank":                   `"rank" is not key=value`,
	} {
		_, err := runfile.ParseProps(in)
		if err == nil || !strings.HasPrefix(err.Error(), "runfile: properties "+`"`+in+`"`) || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseProps(%q) = %v, want a runfile: error naming the input and containing %q", in, err, want)
		}
	}
}

func TestPropsRoundTrip(t *testing.T) {
	for _, p := range []runfile.Props{
		{},
		{Concurrency: runfile.One, OneCore: true, Rank: 1},
		{Concurrency: runfile.PerTask, OneCore: true, Rank: 2, Model: true},
		{Concurrency: runfile.PerWorker, Rank: 8, Backlog: true},
		{Concurrency: runfile.PerWorker, Rank: 10, Processes: true, ProcessPerTask: true},
	} {
		if p.Concurrency == "" {
			// Props.String writes "concurrency=", which is not a value.
			if _, err := runfile.ParseProps(p.String()); err == nil {
				t.Errorf("ParseProps(%q): no error", p.String())
			}
			continue
		}
		if got, err := runfile.ParseProps(p.String()); err != nil || got != p {
			t.Errorf("ParseProps(%q) = %+v, %v; want %+v", p.String(), got, err, p)
		}
	}
}

func TestConfigKey(t *testing.T) {
	if k := runfile.ConfigKey("pool"); k != "strategy-pool" {
		t.Errorf("ConfigKey(pool) = %q", k)
	}
	for key, want := range map[string]string{"strategy-pool": "pool", "strategy-": "", "numcpu": "", "strategy": ""} {
		name, ok := runfile.StrategyOfKey(key)
		if name != want && ok || ok != (want != "") {
			t.Errorf("StrategyOfKey(%q) = %q, %t; want %q", key, name, ok, want)
		}
	}
}
