package deploy

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

// manifests are the YAML files of this folder, each holding one or more
// documents.
var manifests = []string{"job.yaml", "pvc.yaml", "reader/pod.yaml"}

// documents returns the YAML documents of file, split at "---" lines.
func documents(t *testing.T, file string) [][]byte {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var docs [][]byte
	for _, d := range regexp.MustCompile(`(?m)^---[ \t]*$`).Split(string(b), -1) {
		if strings.TrimSpace(stripComments(d)) != "" {
			docs = append(docs, []byte(d))
		}
	}
	return docs
}

// stripComments drops the YAML comment lines of doc.
func stripComments(doc string) string {
	var b strings.Builder
	for _, l := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "#") {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// decodeOne decodes the only document of file strictly into v: a field
// that v's type does not have, or one given twice, is an error.
func decodeOne(t *testing.T, file string, v any) {
	t.Helper()
	docs := documents(t, file)
	if len(docs) != 1 {
		t.Fatalf("%s holds %d YAML documents, want 1", file, len(docs))
	}
	if err := yaml.UnmarshalStrict(docs[0], v); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
}

// containerfile is what the tests read from the Containerfile.
type containerfile struct {
	entrypoint []string          // ENTRYPOINT, exec form
	cmd        []string          // CMD, exec form
	user       string            // USER
	env        map[string]string // ENV key=value
	installed  map[string]bool   // the paths COPY puts files at
}

// readContainerfile reads the instructions of the Containerfile that the
// tests check. It knows the exec form of ENTRYPOINT and CMD and COPY into
// a folder (a destination ending in /) or to one path, and fails on a line
// continuation, which it does not follow.
func readContainerfile(t *testing.T) containerfile {
	t.Helper()
	f, err := os.Open("Containerfile")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := containerfile{env: map[string]string{}, installed: map[string]bool{}}
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasSuffix(line, `\`) {
			t.Fatalf("Containerfile: line continuations are not read by this test: %s", line)
		}
		instr, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		switch strings.ToUpper(instr) {
		case "ENTRYPOINT", "CMD":
			var argv []string
			if err := json.Unmarshal([]byte(rest), &argv); err != nil {
				t.Fatalf("Containerfile: %s is not in the exec form (a JSON array): %v", line, err)
			}
			if strings.ToUpper(instr) == "CMD" {
				c.cmd = argv
			} else {
				c.entrypoint = argv
			}
		case "USER":
			c.user = rest
		case "ENV":
			k, v, ok := strings.Cut(rest, "=")
			if !ok {
				t.Fatalf("Containerfile: ENV %s is not key=value", rest)
			}
			c.env[k] = v
		case "COPY":
			f := strings.Fields(rest)
			if len(f) < 2 {
				t.Fatalf("Containerfile: %s", line)
			}
			dst := f[len(f)-1]
			for _, src := range f[:len(f)-1] {
				if strings.HasSuffix(dst, "/") {
					c.installed[path.Join(dst, path.Base(src))] = true
				} else {
					c.installed[dst] = true
				}
			}
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return c
}

// flagKinds returns concbench's flags, each with whether it is a boolean
// flag (one that takes no separate value), from the usage the driver
// prints with -h: its own flag set.
func flagKinds(t *testing.T) map[string]bool {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "concbench")
	if msg, err := exec.Command("go", "build", "-o", bin, "github.com/concbench/concbench/cmd/concbench").CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/concbench: %v\n%s", err, msg)
	}
	var usage bytes.Buffer
	cmd := exec.Command(bin, "-h")
	cmd.Stdout, cmd.Stderr = &usage, &usage
	if err := cmd.Run(); err == nil {
		t.Fatalf("concbench -h exited 0; want the usage and status 2")
	}
	flags := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^  -([a-z-]+)( \w+)?$`).FindAllStringSubmatch(usage.String(), -1) {
		flags[m[1]] = m[2] == ""
	}
	if len(flags) < 10 {
		t.Fatalf("read only %d flags from concbench -h:\n%s", len(flags), usage.String())
	}
	return flags
}

// parseArgs splits args into flag values as package flag reads them: -x v
// or -x=v for a flag that takes a value, -x or -x=true for a boolean one.
// An argument that is not a flag concbench knows, or a flag missing its
// value, is an error.
func parseArgs(args []string, kinds map[string]bool) (map[string]string, error) {
	vals := map[string]string{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			return nil, fmt.Errorf("argument %q is not a flag: concbench takes no other arguments", a)
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		isBool, ok := kinds[name]
		switch {
		case !ok:
			return nil, fmt.Errorf("concbench has no flag -%s", name)
		case isBool && !hasVal:
			val = "true"
		case !hasVal && i+1 == len(args):
			return nil, fmt.Errorf("flag -%s has no value", name)
		case !hasVal:
			i++
			val = args[i]
		}
		if _, dup := vals[name]; dup {
			return nil, fmt.Errorf("flag -%s given twice", name)
		}
		vals[name] = val
	}
	return vals, nil
}
