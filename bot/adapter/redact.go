package adapter

import "strings"

// Redacted stands in for a secret in every log line and error, whoever
// writes it: the adapters, and the settings in cmd/electionbot.
const Redacted = "[redacted]"

// Redact replaces every secret in s with Redacted. Secrets shorter than
// 8 bytes are left alone: replacing them would garble ordinary words
// without hiding anything worth hiding.
func Redact(s string, secrets ...string) string {
	for _, secret := range secrets {
		if len(secret) >= 8 {
			s = strings.ReplaceAll(s, secret, Redacted)
		}
	}
	return s
}
