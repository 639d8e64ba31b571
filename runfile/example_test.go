package runfile_test

import (
	"fmt"
	"strings"

	"github.com/concbench/concbench/runfile"
)

// A strategy's properties travel through raw.txt as one configuration
// line; the report reads them back by the line's key.
func ExampleParseProps() {
	exec := runfile.Props{Concurrency: runfile.PerWorker, Rank: 10, Processes: true, ProcessPerTask: true}
	line := runfile.ConfigKey("exec") + ": " + exec.String()
	fmt.Println(line)

	key, value, _ := strings.Cut(line, ": ")
	name, _ := runfile.StrategyOfKey(key)
	p, err := runfile.ParseProps(value)
	fmt.Println(name, p.ProcessPerTask, p == exec, err)
	// Output:
	// strategy-exec: concurrency=workers cores=all rank=10 model=false processes=true backlog=false process-per-task=true
	// exec true true <nil>
}

// Sizes in names are written in the binary units and read in any unit.
func ExampleParseSize() {
	n, err := runfile.ParseSize("64KiB")
	fmt.Println(n, err, runfile.FormatSize(n), runfile.FormatSize(100))
	_, err = runfile.ParseSize("0B")
	fmt.Println(err)
	// Output:
	// 65536 <nil> 64KiB 100B
	// size "0B" must be positive
}
