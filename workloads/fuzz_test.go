package workloads_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/concbench/concbench/workloads"
)

// specSeeds are valid and malformed specs for the fuzz targets.
var specSeeds = []string{
	"", "/", "noop", "noop/x=1", "hash/size=64KiB/rounds=8", "hash/size=99999999999GiB",
	"hash/size=-5KiB", "hash/size=B", "hash/size=1KiB/size=2", "hash//rounds=1", "hash/=1",
	"sleep/d=10ms", "sleep/d=0.01s", "sleep/d=-1ms", "sleep/d=9223372036854775807ns", "sleep/d=1e9h",
	"counter/incs=5/sync=atomic", "counter/sync=none", "counter/incs=9223372036854775808",
	"x.y/a.b=c", "ha sh", "hash/size=1\x00", "héllo/k=v", "a/b=c=d",
	"call/n=1?addr=127.0.0.1%3A39803", "call?addr=http://x/y&k=a+b", "call?=1", "call?a=1&a=2", "call?a=%zz", "call?",
}

// FuzzParseSpec checks that ParseSpec never panics and that every spec
// it accepts prints back as its input and parses back to itself.
func FuzzParseSpec(f *testing.F) {
	for _, s := range specSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s, err := workloads.ParseSpec(text)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "workloads: parsing spec") {
				t.Fatalf("error %q does not say what failed", err)
			}
			return
		}
		if name, _, _ := strings.Cut(text, "?"); s.Name == "" || s.String() != name {
			t.Fatalf("ParseSpec(%q) = %+v, which prints as %q", text, s, s.String())
		}
		again, err := workloads.ParseSpec(s.Wire())
		if err != nil || !reflect.DeepEqual(again, s) {
			t.Fatalf("ParseSpec(%q) = %+v; its Wire %q parsed again: %+v, %v", text, s, s.Wire(), again, err)
		}
	})
}

// FuzzParse checks that Parse never panics and that a workload it builds
// has a canonical spec that builds the same workload again.
func FuzzParse(f *testing.F) {
	for _, s := range specSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		w, err := workloads.Parse(text)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "workloads: ") {
				t.Fatalf("error %q does not say where it comes from", err)
			}
			return
		}
		canon := w.Spec().String()
		again, err := workloads.Parse(canon)
		if err != nil || again.Spec().String() != canon {
			t.Fatalf("Parse(%q) has spec %q, which builds %v, %v", text, canon, again, err)
		}
	})
}
