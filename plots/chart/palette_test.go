package chart

import (
	"fmt"
	"testing"
)

func TestPaletteMapping(t *testing.T) {
	order := []string{"sequential", "spawn", "pool", "gil", "process", "exec", "errgroup", "semaphore", "ants", "pond", "conc"}
	pal := NewPalette(order)
	seen := map[string]string{}
	for i, name := range order {
		st := pal.Style(name)
		if st.Index != i {
			t.Errorf("Style(%q).Index = %d, want %d (order of first appearance)", name, st.Index, i)
		}
		key := st.Hex() + " " + shapeName(st.Shape)
		if other, ok := seen[key]; ok {
			t.Errorf("%s and %s share colour and marker %s", name, other, key)
		}
		seen[key] = name
		if st.Hex() == "#000000" {
			t.Errorf("%s is black, the colour of reference lines", name)
		}
	}
	// Stable: the same name gets the same style from a palette made again,
	// whatever else is asked in between, and duplicates in order are ignored.
	again := NewPalette(append([]string{"sequential", "spawn", "spawn"}, order...))
	for _, name := range order {
		a, b := pal.Style(name), again.Style(name)
		if a.Index != b.Index {
			t.Errorf("%s: style %d, then %d", name, a.Index, b.Index)
		}
	}
	// The first styles are the palette's colours in order, Okabe-Ito's first.
	want := []string{"#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#332288", "#882255", "#999933", "#666666", "#f0e442"}
	for i, w := range want {
		if got := pal.Style(order[i]).Hex(); got != w {
			t.Errorf("Style(%q) = %s, want %s", order[i], got, w)
		}
	}
	// Unknown names: hash-based, stable, and never the style of a known
	// name below the palette's length.
	u1, u2 := pal.Style("my-own-pool"), NewPalette(order).Style("my-own-pool")
	if u1.Index != u2.Index || u1.Index < len(order) {
		t.Errorf("unknown name: index %d then %d, want equal and ≥ %d", u1.Index, u2.Index, len(order))
	}
}

// Every chart of a run draws a strategy in the same colour: the palette is
// made once per run from the strategies in order of first appearance.
func TestChartsShareOnePalette(t *testing.T) {
	_, rows := readFixture(t)
	order := StrategyOrder(rows)
	if len(order) < 2 || order[0] != "sequential" {
		t.Fatalf("strategy order %v", order)
	}
	pal := NewPalette(order)
	for i, name := range order {
		if pal.Style(name).Index != i {
			t.Errorf("%s: index %d, want %d", name, pal.Style(name).Index, i)
		}
	}
}

func ExamplePalette_Style() {
	pal := NewPalette([]string{"sequential", "spawn", "pool"})
	for _, name := range []string{"pool", "spawn", "pool"} {
		fmt.Println(name, pal.Style(name).Hex())
	}
	// Output:
	// pool #009e73
	// spawn #e69f00
	// pool #009e73
}
