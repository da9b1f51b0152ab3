package knowledge

import (
	"strconv"
	"strings"
)

// InfoboxKey splits an infobox key as extraction reads it: "Last
// Election2" is the key "Last Election" of the second numbered family
// (the second party's). n is 0 for a key of no family ("Turnout").
func InfoboxKey(key string) (base string, n int) {
	key = strings.TrimSpace(key)
	m := familyRe.FindStringSubmatch(normKey(key))
	if m == nil {
		return key, 0
	}
	n, err := strconv.Atoi(m[2])
	if err != nil || n <= 0 || n >= 1000 {
		return key, 0
	}
	return strings.TrimSpace(strings.TrimRight(key, "0123456789")), n
}
