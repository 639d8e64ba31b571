//go:build !race

package plots

// raceSlowdown is how many times slower the build makes the report than a
// plain one (see race_test.go).
const raceSlowdown = 1
