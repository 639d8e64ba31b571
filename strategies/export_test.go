package strategies

// ProtocolMagic is the hello a worker must send, for tests that fake one.
const ProtocolMagic = protocolMagic
