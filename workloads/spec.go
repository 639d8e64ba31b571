package workloads

import (
	"fmt"
	"strings"
)

// A Spec names a workload and its parameters. Its text form is the name
// followed by "/key=value" for each parameter, in order:
// "hash/size=65536/rounds=8". The zero Spec names no workload.
type Spec struct {
	Name   string
	Params []Param
}

// A Param is one key=value parameter of a Spec.
type Param struct {
	Key, Value string
}

// ParseSpec parses the text form of a Spec. It checks syntax only: [New]
// checks that the name and parameters mean something. ParseSpec(s.String())
// returns a Spec equal to s for every Spec it can parse.
func ParseSpec(text string) (Spec, error) {
	parts := strings.Split(text, "/")
	s := Spec{Name: parts[0]}
	if !validToken(s.Name) {
		return Spec{}, fmt.Errorf("workloads: parsing spec %q: workload name must be a non-empty word of letters, digits, '.', '-' or '_'", text)
	}
	for _, p := range parts[1:] {
		k, v, ok := strings.Cut(p, "=")
		if !ok || !validToken(k) || v == "" || strings.ContainsAny(v, "/= \t\n") {
			return Spec{}, fmt.Errorf("workloads: parsing spec %q: parameter %q is not key=value", text, p)
		}
		if _, dup := s.Get(k); dup {
			return Spec{}, fmt.Errorf("workloads: parsing spec %q: parameter %q given twice", text, k)
		}
		s.Params = append(s.Params, Param{k, v})
	}
	return s, nil
}

// String returns the text form of s.
func (s Spec) String() string {
	var b strings.Builder
	b.WriteString(s.Name)
	for _, p := range s.Params {
		b.WriteByte('/')
		b.WriteString(p.Key)
		b.WriteByte('=')
		b.WriteString(p.Value)
	}
	return b.String()
}

// Get returns the value of parameter key and whether s has it.
func (s Spec) Get(key string) (string, bool) {
	for _, p := range s.Params {
		if p.Key == key {
			return p.Value, true
		}
	}
	return "", false
}

func validToken(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}
