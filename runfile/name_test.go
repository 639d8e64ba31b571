package runfile

import (
	"fmt"
	"slices"
	"testing"
)

func TestNameRoundTrip(t *testing.T) {
	params := []Param{{"size", "64KiB"}, {KeyTasks, "64"}, {KeyStrategy, "pool"}, {KeyProcs, "2"}}
	name := FormatName(FamilyHash, params...)
	if name != "Hash/size=64KiB/tasks=64/strategy=pool/procs=2" {
		t.Fatalf("FormatName = %q", name)
	}
	family, got, err := ParseName(name)
	if err != nil || family != FamilyHash || !slices.Equal(got, params) {
		t.Errorf("ParseName(%q) = %q, %v, %v", name, family, got, err)
	}
	if sub := FormatName("", params[2:]...); sub != "strategy=pool/procs=2" {
		t.Errorf("sub-benchmark name %q", sub)
	}
}

func TestParseNameErrors(t *testing.T) {
	for _, name := range []string{"", "/procs=2", "Hash/procs", "Hash/=2"} {
		if _, _, err := ParseName(name); err == nil {
			t.Errorf("ParseName(%q): no error", name)
		}
	}
}

func ExampleFormatName() {
	fmt.Println(FormatName(FamilySleep, Param{KeyDelay, "10ms"}, Param{KeyTasks, "64"}, Param{KeyStrategy, "spawn"}, Param{KeyProcs, "2"}))
	// Output: Sleep/d=10ms/tasks=64/strategy=spawn/procs=2
}
