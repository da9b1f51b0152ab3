// Package adapter holds what the chat adapters (bot/telegram,
// bot/discord) share and the engine does not need: the per-user rate
// limit and its one set of defaults (Rate, Limiter), the gate that lets a
// shutdown finish the replies in flight (Gate), the back-off of retried
// replies (Backoff), a bounded set of ids seen, to answer an update
// delivered twice once (Recent), the log of failed authentication
// (AuthLog) and the one way secrets are hidden in logs (Redact). It
// imports only the standard library, so that either adapter may use it
// without knowing the other.
package adapter
