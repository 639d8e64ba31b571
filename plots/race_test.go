//go:build race

package plots

// raceSlowdown is how many times slower the race detector makes the report:
// about 15 on the fuzz seeds, so the time bounds of the tests allow 20.
const raceSlowdown = 20
