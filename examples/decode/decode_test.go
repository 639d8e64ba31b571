// Package decode is a complete example of a user's own workload benchmarked
// with concbench: JSON encoding and decoding of generated records, run
// under every strategy. See README.md.
package decode

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"strconv"
	"testing"

	"github.com/concbench/concbench"
)

// record is what each task encodes and decodes.
type record struct {
	ID   int      `json:"id"`
	Name string   `json:"name"`
	Tags []string `json:"tags"`
}

// build makes the workload that spec names: decode/records=N, where
// task i encodes N records derived from i as JSON, decodes them back
// and returns an FNV-1a hash of what it decoded.
func build(spec concbench.Spec) (concbench.Workload, error) {
	if spec.Name != "decode" {
		return nil, fmt.Errorf("unknown workload %q; valid workloads are decode", spec.Name)
	}
	text, _ := spec.Get("records")
	n, err := strconv.Atoi(text)
	if err != nil || n < 1 {
		return nil, fmt.Errorf("%s: records must be a positive integer, not %q", spec, text)
	}
	return concbench.Func[*bytes.Buffer]{
		Name:  spec,
		Setup: func(context.Context) (*bytes.Buffer, error) { return new(bytes.Buffer), nil },
		Do: func(ctx context.Context, buf *bytes.Buffer, i int) (uint64, error) {
			buf.Reset()
			recs := make([]record, n)
			for k := range recs {
				recs[k] = record{ID: i*n + k, Name: "r" + strconv.Itoa(i*n+k), Tags: []string{"a", strconv.Itoa(k % 7)}}
			}
			if err := json.NewEncoder(buf).Encode(recs); err != nil {
				return 0, fmt.Errorf("encoding: %w", err)
			}
			var back []record
			if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
				return 0, fmt.Errorf("decoding: %w", err)
			}
			h := fnv.New64a()
			for _, r := range back {
				fmt.Fprintf(h, "%d %s %v;", r.ID, r.Name, r.Tags)
			}
			return h.Sum64(), nil
		},
	}, nil
}

func TestMain(m *testing.M) { concbench.Main(m, build) }

func BenchmarkDecode(b *testing.B) { concbench.Run(b, build, "decode/records=100", 64) }
