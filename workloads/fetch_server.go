package workloads

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"time"
)

// A FetchServer is the HTTP server that the fetch workload's tasks GET
// from: it listens on 127.0.0.1 on an ephemeral port and answers
// GET /fetch?i=I&d=D&size=S after waiting D with an S-byte body: the 8
// bytes of I (little-endian), then a fixed pseudo-random pattern. It
// serves nothing else (404) and refuses a D over 10 s or an S over 64 MiB
// (400). Worker processes reach it through the port in the fetch Spec,
// which Port gives.
//
// Start it in the process that runs the benchmark, before the workload is
// built, and Close it after the last batch. Its methods are safe for
// concurrent use.
type FetchServer struct {
	srv     *http.Server
	port    int
	pattern []byte
	done    chan struct{} // closed when Serve has returned
	serve   error         // Serve's result; read after done is closed
}

// NewFetchServer starts a FetchServer. It fails with the reason if no
// loopback port can be had.
func NewFetchServer() (*FetchServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("workloads: starting the fetch server on 127.0.0.1: %w", err)
	}
	s := &FetchServer{port: ln.Addr().(*net.TCPAddr).Port, done: make(chan struct{}), pattern: make([]byte, 32<<10)}
	x := uint64(0x5eed)
	for k := 0; k < len(s.pattern); k += 8 {
		x = mix64(x + 0x9e3779b97f4a7c15)
		binary.LittleEndian.PutUint64(s.pattern[k:], x)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /fetch", s.handle)
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	go func() {
		defer close(s.done)
		s.serve = s.srv.Serve(ln)
	}()
	return s, nil
}

// Port returns the port the server listens on, for the fetch Spec's port
// parameter.
func (s *FetchServer) Port() int { return s.port }

// Close stops the server: it stops accepting, lets requests in flight
// finish for up to five seconds, then closes every connection, and waits
// until the server's goroutines are gone. Requests after Close fail with
// "connection refused".
func (s *FetchServer) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := s.srv.Shutdown(ctx)
	if err != nil {
		err = errors.Join(err, s.srv.Close())
	}
	<-s.done
	if !errors.Is(s.serve, http.ErrServerClosed) {
		return fmt.Errorf("workloads: fetch server: %w", s.serve)
	}
	if err != nil {
		return fmt.Errorf("workloads: stopping the fetch server: %w", err)
	}
	return nil
}

func (s *FetchServer) handle(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	i, err1 := strconv.ParseUint(q.Get("i"), 10, 64)
	d, err2 := time.ParseDuration(q.Get("d"))
	size, err3 := strconv.ParseInt(q.Get("size"), 10, 64)
	if err := errors.Join(err1, err2, err3); err != nil || d < 0 || d > maxFetchDelay || size < 0 || size > maxFetchSize {
		http.Error(w, "want /fetch?i=<task>&d=<duration up to 10s>&size=<bytes up to 64MiB>", http.StatusBadRequest)
		return
	}
	if d > 0 {
		t := time.NewTimer(d)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		}
	}
	w.Header().Set("Content-Length", strconv.FormatInt(size, 10))
	w.Header().Set("Content-Type", "application/octet-stream")
	var head [8]byte
	binary.LittleEndian.PutUint64(head[:], i)
	// A failed write means the client went away: nobody to tell.
	_ = writeBody(w, head[:], s.pattern, size)
}

// writeBody writes size bytes: head, then pattern repeated, cut to size.
func writeBody(w http.ResponseWriter, head, pattern []byte, size int64) error {
	n := min(int64(len(head)), size)
	if _, err := w.Write(head[:n]); err != nil {
		return err
	}
	for size -= n; size > 0; size -= n {
		n = min(int64(len(pattern)), size)
		if _, err := w.Write(pattern[:n]); err != nil {
			return err
		}
	}
	return nil
}
