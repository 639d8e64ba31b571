// Package driver is the measuring loop of the concbench command
// (cmd/concbench): it builds the test binary of a package once, runs its
// benchmarks in interleaved rounds and writes what they measured to a new
// run folder, raw.txt first, as it comes. The command's manual, go doc
// ./cmd/concbench, says what it does; this package's contract is what the
// command and its tests rely on:
//
//   - Main parses the command line and runs the loop; it forwards SIGINT
//     and SIGTERM to the test binary and returns flag.ErrHelp after -h.
//   - Nothing is measured twice into one folder: each run makes a new
//     folder and never touches an earlier one; every sample measured stays
//     in raw.txt, and an interrupted or failed run leaves INCOMPLETE.
//   - The loop reads runs (plots/rundir) and their statistics (plots/stat)
//     only. What it needs of the report, the rows a conclusion still waits
//     for and the report of a finished run, the command passes as Hooks,
//     so that the driver links no renderer.
//   - The test binary is the package's, built with go test -c from the
//     current folder, run in the package's folder, and told the command's
//     options for concbench.Run through the environment (concbench's
//     WorkersEnv, StrategiesEnv, TasksEnv, SettingsEnv; bench.ScaleEnv,
//     ListEnv and OnlyEnv).
//
// A driver serves one run at a time; Main may be called again after it
// returns.
package driver
