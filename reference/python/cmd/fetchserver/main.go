// Command fetchserver serves the fetch workload's loopback HTTP server,
// workloads.FetchServer, to the CPython reference, so that CPython's fetch
// tasks GET from the same server as Go's. It prints "port N" on a line of
// its own and serves until its standard input ends (the reference closes
// it when it is done, or dies) or it gets SIGINT or SIGTERM; then it
// closes the server and exits. make reference builds it and passes it to
// python3 reference/python/concbench as -fetch-server.
package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/concbench/concbench/workloads"
)

func main() {
	s, err := workloads.NewFetchServer()
	if err != nil {
		fmt.Fprintf(os.Stderr, "fetchserver: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("port %d\n", s.Port())
	eof := make(chan struct{})
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin) // until the reference closes it or exits
		close(eof)
	}()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	select {
	case <-eof:
	case <-sig:
	}
	if err := s.Close(); err != nil {
		fmt.Fprintf(os.Stderr, "fetchserver: %v\n", err)
		os.Exit(1)
	}
}
