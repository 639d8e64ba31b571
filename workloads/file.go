package workloads

import (
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc64"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/concbench/concbench/runfile"
)

// maxFileSize bounds the file workload's file size.
const maxFileSize = 256 << 20

// fileSyncs are the values of file's sync parameter.
func fileSyncs() []string { return []string{"none", "fsync"} }

// file is the real disk I/O workload: task i writes size bytes (the 8
// bytes of i, then a fixed pattern) to its own new file task-<i> in the
// workload's folder, calls fsync on it if sync=fsync, closes it, reads it
// back, removes it and returns the CRC-64 of what it read. Each worker
// reuses its buffers (Func.Setup).
//
// The folder is made on the first task, under os.TempDir() (set TMPDIR to
// measure another disk), one per workload and process, and Close removes
// it with whatever is left in it. A task removes its file even when it
// fails, so between batches the folder is empty. It is written with Func,
// the public API for a user's own task.
type file struct {
	Func[*fileWorker]
	size    int64
	pattern []byte

	mu     sync.Mutex
	dir    string // "" until made
	closed bool
}

// fileWorker is one worker's buffers: what a task writes and reads back.
type fileWorker struct {
	out, in []byte
}

func buildFile(vals map[string]string) (Workload, error) {
	size, err := runfile.ParseSize(vals["size"])
	if err != nil {
		return nil, fmt.Errorf("parameter size: %w", err)
	}
	if size > maxFileSize {
		return nil, fmt.Errorf("parameter size: %s is more than the limit of %s", runfile.FormatSize(size), runfile.FormatSize(maxFileSize))
	}
	sync := vals["sync"]
	if !oneOf(sync, fileSyncs()) {
		return nil, fmt.Errorf("parameter sync: %q is not one of %v", sync, fileSyncs())
	}
	w := &file{size: size, pattern: make([]byte, size)}
	x := uint64(0xf11e)
	for k := 0; k+8 <= len(w.pattern); k += 8 {
		x = mix64(x + 0x9e3779b97f4a7c15)
		binary.LittleEndian.PutUint64(w.pattern[k:], x)
	}
	w.Name = Spec{Name: "file", Params: []Param{{"size", runfile.FormatSize(size)}, {"sync", sync}}}
	w.Setup = func(context.Context) (*fileWorker, error) {
		out := append([]byte(nil), w.pattern...)
		return &fileWorker{out: out, in: make([]byte, size+1)}, nil
	}
	fsync := sync == "fsync"
	w.Do = func(ctx context.Context, fw *fileWorker, i int) (uint64, error) {
		return w.task(fw, i, fsync)
	}
	return w, nil
}

// folder returns the workload's folder, making it on first use.
func (w *file) folder() (string, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return "", fmt.Errorf("file: the workload is closed")
	}
	if w.dir == "" {
		dir, err := os.MkdirTemp("", "concbench-file-")
		if err != nil {
			return "", fmt.Errorf("file: making the folder: %w", err)
		}
		w.dir = dir
	}
	return w.dir, nil
}

// task writes, syncs, reads back and removes task i's file.
func (w *file) task(fw *fileWorker, i int, fsync bool) (sum uint64, err error) {
	dir, err := w.folder()
	if err != nil {
		return 0, err
	}
	var head [8]byte
	binary.LittleEndian.PutUint64(head[:], uint64(i))
	copy(fw.out, head[:])
	name := filepath.Join(dir, "task-"+strconv.Itoa(i))
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return 0, fmt.Errorf("file: %w", err)
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("file: %w", cerr)
		}
		if rerr := os.Remove(name); rerr != nil && err == nil {
			err = fmt.Errorf("file: %w", rerr)
		}
	}()
	if _, err := f.Write(fw.out[:w.size]); err != nil {
		return 0, fmt.Errorf("file: writing %s: %w", name, err)
	}
	if fsync {
		if err := f.Sync(); err != nil {
			return 0, fmt.Errorf("file: fsync %s: %w", name, err)
		}
	}
	n, err := f.ReadAt(fw.in, 0)
	if err != nil && err != io.EOF {
		return 0, fmt.Errorf("file: reading back %s: %w", name, err)
	}
	if int64(n) != w.size {
		return 0, fmt.Errorf("file: reading back %s: %d bytes, want %d", name, n, w.size)
	}
	return crc64.Checksum(fw.in[:n], crcTable()), nil
}

// Close removes the workload's folder and everything in it. Tasks must
// not run during or after Close; later tasks fail.
func (w *file) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.closed = true
	if w.dir == "" {
		return nil
	}
	dir := w.dir
	w.dir = ""
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("workloads: file: removing %s: %w", dir, err)
	}
	return nil
}
