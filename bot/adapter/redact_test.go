package adapter

import "testing"

func TestRedact(t *testing.T) {
	tests := []struct {
		s       string
		secrets []string
		want    string
	}{
		{"POST /bot123456:SECRET-token/getMe", []string{"123456:SECRET-token"}, "POST /bot[redacted]/getMe"},
		{"a and b", []string{"a"}, "a and b"},
		{"tok1234567 and tok7654321", []string{"tok1234567", "", "tok7654321"}, "[redacted] and [redacted]"},
	}
	for _, tt := range tests {
		if got := Redact(tt.s, tt.secrets...); got != tt.want {
			t.Errorf("Redact(%q, %q) = %q; want %q", tt.s, tt.secrets, got, tt.want)
		}
	}
}
