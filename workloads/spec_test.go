package workloads_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/concbench/concbench/workloads"
)

// Settings travel in the Wire form and never in the name.
func TestSpecSettings(t *testing.T) {
	s := workloads.Spec{Name: "call", Params: []workloads.Param{{Key: "n", Value: "1"}},
		Settings: []workloads.Param{{Key: "addr", Value: "http://127.0.0.1:39803/x?y=1&z"}}}
	if s.String() != "call/n=1" {
		t.Errorf("String = %q, want the name without settings", s.String())
	}
	back, err := workloads.ParseSpec(s.Wire())
	if err != nil || !reflect.DeepEqual(back, s) {
		t.Fatalf("ParseSpec(%q) = %+v, %v; want %+v", s.Wire(), back, err, s)
	}
	if v, ok := back.Setting("addr"); !ok || v != "http://127.0.0.1:39803/x?y=1&z" {
		t.Errorf("Setting(addr) = %q, %v", v, ok)
	}
	for _, bad := range []string{"call?=1", "call?a=1&a=2", "call?a=%zz", "call?a"} {
		if _, err := workloads.ParseSpec(bad); err == nil {
			t.Errorf("ParseSpec(%q): no error", bad)
		}
	}
}

func ExampleSpec_Wire() {
	s, _ := workloads.ParseSpec("call/n=1")
	s.Settings = append(s.Settings, workloads.Param{Key: "addr", Value: "127.0.0.1:39803"})
	fmt.Println(s)
	fmt.Println(s.Wire())
	// Output:
	// call/n=1
	// call/n=1?addr=127.0.0.1%3A39803
}
