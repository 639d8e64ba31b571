package workloads

import (
	"fmt"
	"net/url"
	"strings"
)

// A Spec names a workload and its parameters. Its text form is the name
// followed by "/key=value" for each parameter, in order:
// "hash/size=65536/rounds=8". The zero Spec names no workload.
//
// Settings are values every process that builds the workload needs but
// that are not part of what it does, such as the address of a service its
// tasks call: String leaves them out, so they never enter a benchmark's
// name and two runs of the same work compare whatever the address, and
// Wire carries them to the worker processes.
type Spec struct {
	Name     string
	Params   []Param
	Settings []Param
}

// A Param is one key=value parameter of a Spec.
type Param struct {
	Key, Value string
}

// ParseSpec parses the text form of a Spec, or its Wire form. It checks
// syntax only: [New] checks that the name and parameters mean something.
// ParseSpec(s.Wire()) returns a Spec equal to s for every Spec it can
// parse, and ParseSpec(s.String()) one without its settings.
func ParseSpec(text string) (Spec, error) {
	text, settings, _ := strings.Cut(text, "?")
	s, err := parseName(text)
	if err != nil || settings == "" {
		return s, err
	}
	for _, kv := range strings.Split(settings, "&") {
		k, v, ok := strings.Cut(kv, "=")
		key, err1 := url.QueryUnescape(k)
		value, err2 := url.QueryUnescape(v)
		if !ok || err1 != nil || err2 != nil || !validToken(key) {
			return Spec{}, fmt.Errorf("workloads: parsing spec %q: setting %q is not key=value", text, kv)
		}
		if _, dup := s.Setting(key); dup {
			return Spec{}, fmt.Errorf("workloads: parsing spec %q: setting %q given twice", text, key)
		}
		s.Settings = append(s.Settings, Param{key, value})
	}
	return s, nil
}

// parseName parses the text form of a Spec without its settings.
func parseName(text string) (Spec, error) {
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

// Wire returns the text form of s with its settings: String, then "?" and
// "key=value" for each setting, joined by "&", each escaped as in a URL
// query. A Spec without settings is its String.
func (s Spec) Wire() string {
	if len(s.Settings) == 0 {
		return s.String()
	}
	kvs := make([]string, len(s.Settings))
	for i, p := range s.Settings {
		kvs[i] = url.QueryEscape(p.Key) + "=" + url.QueryEscape(p.Value)
	}
	return s.String() + "?" + strings.Join(kvs, "&")
}

// Setting returns the value of setting key and whether s has it.
func (s Spec) Setting(key string) (string, bool) {
	for _, p := range s.Settings {
		if p.Key == key {
			return p.Value, true
		}
	}
	return "", false
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
