package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// concbench compare's own errors are one line naming the flag or the
// argument; -json writes JSON and nothing else.
func TestCompareArgs(t *testing.T) {
	const ex = "../../results/example"
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{ex}, "compare takes two run folders, OLD and NEW, got 1 arguments"},
		{[]string{"", ex}, "compare: OLD is empty"},
		{[]string{"-fail-on", "10", ex, ex}, `-fail-on (FAIL_ON) must be a percentage such as 10%, got "10"`},
		{[]string{"-fail-on", "-5%", ex, ex}, "-fail-on (FAIL_ON) must be a percentage"},
		{[]string{"-bench", "(", ex, ex}, `-bench (BENCH) "(" is not a regexp`},
		{[]string{ex, "no-such-run"}, "no-such-run"},
	} {
		err := run(append([]string{"compare"}, tc.args...), &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("compare %q: %v, want %q", tc.args, err, tc.want)
		}
	}
	var out bytes.Buffer
	if err := run([]string{"compare", "-json", "-fail-on", "0%", ex, ex}, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Answers []any            `json:"answers"`
		Rows    []map[string]any `json:"rows"`
	}
	if err := json.Unmarshal(out.Bytes(), &v); err != nil || len(v.Answers) != 0 || len(v.Rows) == 0 {
		t.Errorf("-json: %v, %d answers, %d rows", err, len(v.Answers), len(v.Rows))
	}
}
