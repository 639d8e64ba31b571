package strategies

import "time"

// ProtocolMagic is the hello a worker must send, for tests that fake one.
const ProtocolMagic = protocolMagic

// SetHandshakeTimeout shortens the wait for a worker's hello and returns a
// function that restores it.
func SetHandshakeTimeout(d time.Duration) (restore func()) {
	old := handshakeTimeout
	handshakeTimeout = d
	return func() { handshakeTimeout = old }
}
