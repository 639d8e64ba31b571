package workloads

import (
	"context"
	"fmt"
	"hash/crc64"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/concbench/concbench/runfile"
)

// Bounds of the fetch workload: a task waits at most maxFetchDelay on the
// server and reads at most maxFetchSize bytes, and a request that takes
// longer than fetchTimeout fails.
const (
	maxFetchDelay = 10 * time.Second
	maxFetchSize  = 64 << 20
	fetchTimeout  = maxFetchDelay + 30*time.Second
)

// fetchClients are the values of fetch's client parameter.
func fetchClients() []string { return []string{"shared", "per-worker", "per-task"} }

// fetch is the real network I/O workload: task i GETs
// http://127.0.0.1:port/fetch?i=…&d=…&size=… from a FetchServer, which
// answers after d with a size-byte body, reads the whole body and returns
// its CRC-64. The client parameter picks whose connection a task uses:
//
//	shared      one http.Client and transport for the whole workload,
//	            like one requests.Session: connections stay open across
//	            tasks and batches (up to 256 idle ones) and are reused;
//	per-worker  one client per worker and batch (Func.Setup), like a
//	            session in threading.local: reused by that worker's tasks,
//	            closed when the batch ends;
//	per-task    a new transport per task with keep-alives off, like
//	            requests.get: every task dials a new TCP connection.
//
// It is written with Func, the public API for a user's own task.
type fetch struct {
	Func[*fetcher]
	shared *http.Transport // client=shared only
}

// fetcher is one worker's client and read buffer. own is the transport
// the worker owns (per-worker) and must close; nil when it shares.
type fetcher struct {
	client *http.Client
	own    *http.Transport
	buf    []byte
}

func buildFetch(vals map[string]string) (Workload, error) {
	d, err := runfile.ParseDuration(vals["d"])
	if err != nil {
		return nil, fmt.Errorf("parameter d: %w", err)
	}
	if d < 0 || d > maxFetchDelay {
		return nil, fmt.Errorf("parameter d: %s is not between 0s and the server's limit of %s", d, maxFetchDelay)
	}
	size, err := runfile.ParseSize(vals["size"])
	if err != nil {
		return nil, fmt.Errorf("parameter size: %w", err)
	}
	if size > maxFetchSize {
		return nil, fmt.Errorf("parameter size: %s is more than the server's limit of %s", runfile.FormatSize(size), runfile.FormatSize(maxFetchSize))
	}
	client := vals["client"]
	if !oneOf(client, fetchClients()) {
		return nil, fmt.Errorf("parameter client: %q is not one of %v", client, fetchClients())
	}
	port, err := strconv.Atoi(vals["port"])
	if err != nil || port < 1 || port > 65535 {
		return nil, fmt.Errorf("parameter port: %q is not the port of a fetch server on 127.0.0.1: start one with workloads.NewFetchServer and pass its Port", vals["port"])
	}
	spec := Spec{Name: "fetch", Params: []Param{
		{"d", d.String()}, {"size", runfile.FormatSize(size)}, {"client", client}, {"port", strconv.Itoa(port)},
	}}
	url := fmt.Sprintf("http://127.0.0.1:%d/fetch?d=%s&size=%d&i=", port, d, size)
	w := &fetch{}
	w.Name = spec
	w.Do = func(ctx context.Context, f *fetcher, i int) (uint64, error) {
		return f.get(ctx, url+strconv.Itoa(i), size)
	}
	switch client {
	case "shared":
		w.shared = newFetchTransport(true)
		c := &http.Client{Transport: w.shared, Timeout: fetchTimeout}
		w.Setup = func(context.Context) (*fetcher, error) {
			return &fetcher{client: c, buf: make([]byte, 32<<10)}, nil
		}
	case "per-worker":
		w.Setup = func(context.Context) (*fetcher, error) {
			t := newFetchTransport(true)
			return &fetcher{client: &http.Client{Transport: t, Timeout: fetchTimeout}, own: t, buf: make([]byte, 32<<10)}, nil
		}
		w.Teardown = func(f *fetcher) { f.own.CloseIdleConnections() }
	case "per-task":
		w.Setup = func(context.Context) (*fetcher, error) { return &fetcher{buf: make([]byte, 32<<10)}, nil }
		w.Do = func(ctx context.Context, f *fetcher, i int) (uint64, error) {
			t := newFetchTransport(false)
			defer t.CloseIdleConnections()
			task := fetcher{client: &http.Client{Transport: t, Timeout: fetchTimeout}, buf: f.buf}
			return task.get(ctx, url+strconv.Itoa(i), size)
		}
	}
	return w, nil
}

// newFetchTransport returns a transport for loopback requests that keeps
// up to 256 idle connections when keepAlive is set (the default of 2 per
// host would close most connections of a batch of concurrent tasks) and
// none otherwise.
func newFetchTransport(keepAlive bool) *http.Transport {
	return &http.Transport{
		Proxy:               nil, // loopback only: never through a proxy from the environment
		DisableKeepAlives:   !keepAlive,
		MaxIdleConns:        256,
		MaxIdleConnsPerHost: 256,
		IdleConnTimeout:     time.Minute,
		DisableCompression:  true,
	}
}

// get GETs url, reads the whole body and returns its CRC-64, checking the
// status and that the body has size bytes.
func (f *fetcher) get(ctx context.Context, url string, size int64) (uint64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, fmt.Errorf("fetch: %w", err)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("fetch: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return 0, fmt.Errorf("fetch: GET %s: %s: %s", url, resp.Status, msg)
	}
	h := crc64.New(crcTable())
	n, err := io.CopyBuffer(h, resp.Body, f.buf)
	if err != nil {
		return 0, fmt.Errorf("fetch: GET %s: reading the body: %w", url, err)
	}
	if n != size {
		return 0, fmt.Errorf("fetch: GET %s: body has %d bytes, want %d", url, n, size)
	}
	return h.Sum64(), nil
}

// Close closes the idle connections of the shared client. Tasks must not
// run during or after Close.
func (w *fetch) Close() error {
	if w.shared != nil {
		w.shared.CloseIdleConnections()
	}
	return nil
}

// crcTable returns the ECMA CRC-64 table, which package crc64 builds once
// and caches.
func crcTable() *crc64.Table { return crc64.MakeTable(crc64.ECMA) }

func oneOf(s string, valid []string) bool {
	for _, v := range valid {
		if s == v {
			return true
		}
	}
	return false
}
