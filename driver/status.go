package driver

import (
	"io"
	"sync"
	"unicode/utf8"
)

// statusWidth is the most characters a status line shows.
const statusWidth = 120

// A statusWriter is a terminal's standard output with one status line
// redrawn in place at its bottom: what is written goes above the status
// line, which is drawn again after it. Its methods may be called from
// several goroutines.
type statusWriter struct {
	w      io.Writer
	mu     sync.Mutex
	status string
}

// Write writes p above the status line.
func (s *statusWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.status != "" {
		io.WriteString(s.w, "\r\033[K")
	}
	n, err := s.w.Write(p)
	if s.status != "" && err == nil {
		io.WriteString(s.w, s.status)
	}
	return n, err
}

// Status replaces the status line with line, cut to statusWidth.
func (s *statusWriter) Status(line string) {
	if utf8.RuneCountInString(line) > statusWidth {
		line = string([]rune(line)[:statusWidth-1]) + "…"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status = line
	io.WriteString(s.w, "\r\033[K"+line)
}

// Clear removes the status line.
func (s *statusWriter) Clear() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.status != "" {
		io.WriteString(s.w, "\r\033[K")
		s.status = ""
	}
}
