package chart

import (
	"fmt"
	"testing"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/internal/testrows"
)

// Every chart of a run draws a strategy in the same colour: the palette is
// made once per run from the strategies in order of first appearance.
func TestChartsShareOnePalette(t *testing.T) {
	_, rows := testrows.ReadFixture(t)
	order := StrategyOrder(rows)
	if len(order) < 2 || order[0] != "sequential" {
		t.Fatalf("strategy order %v", order)
	}
	pal := kit.NewPalette(order)
	for i, name := range order {
		if pal.Style(name).Index != i {
			t.Errorf("%s: index %d, want %d", name, pal.Style(name).Index, i)
		}
	}
}

func ExamplePalette_Style() {
	pal := kit.NewPalette([]string{"sequential", "spawn", "pool"})
	for _, name := range []string{"pool", "spawn", "pool"} {
		fmt.Println(name, pal.Style(name).Hex())
	}
	// Output:
	// pool #009e73
	// spawn #e69f00
	// pool #009e73
}
