module example.com/decode

go 1.26.0

require github.com/concbench/concbench v0.0.0

require (
	github.com/alitto/pond/v2 v2.7.1 // indirect
	github.com/montanaflynn/stats v0.14.0 // indirect
	github.com/panjf2000/ants/v2 v2.12.1 // indirect
	github.com/sourcegraph/conc v0.3.0 // indirect
	go.uber.org/atomic v1.7.0 // indirect
	go.uber.org/multierr v1.9.0 // indirect
	golang.org/x/sync v0.25.0 // indirect
)

replace github.com/concbench/concbench => ../..
