//go:build !race

package workloads_test

// raceEnabled reports a -race build (see race_test.go).
const raceEnabled = false
