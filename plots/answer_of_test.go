package plots

import (
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/internal/testrows"
)

// The coarse hash of the fixture in words: spawn, 1 % slower than pool
// and simpler, is used, with how it compares with the fastest.
func TestAnswerOfCoarse(t *testing.T) {
	_, rows := testrows.ReadFixture(t)
	a := answerOf(answer.Choose(rows)[1])
	if a.Use != "spawn (1.01× [1.00, 1.02] the time of the fastest, pool)" || !strings.HasPrefix(a.Speedup, "1.95 [") {
		t.Errorf("coarse answer %+v", a)
	}
}
