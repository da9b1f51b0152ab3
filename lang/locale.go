package lang

import (
	"fmt"
	"strings"
)

// Parse reads a language as the -lang flag and ELECTIONBOT_LANG take it:
// "en", "sr" (Serbian Latin, also "sr-Latn"), "sr-Cyrl"; case and "_" for
// "-" do not matter.
func Parse(s string) (Lang, error) {
	switch strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "_", "-")) {
	case "en":
		return En, nil
	case "sr", "sr-latn":
		return Sr, nil
	case "sr-cyrl":
		return SrCyrl, nil
	}
	return En, fmt.Errorf("language %q: want en, sr or sr-Cyrl", s)
}

// FromLocale is the reply language for a platform's locale of the user:
// Telegram's language_code ("sr", "hr", "en"), Discord's locale or
// guild_locale ("hr", "en-US"). Serbian, Croatian, Bosnian and
// Montenegrin speakers get Serbian, in Cyrillic only when the locale
// says so ("sr-Cyrl"); everyone else, and an unknown or empty locale,
// English.
func FromLocale(locale string) Lang {
	parts := strings.Split(strings.ToLower(strings.ReplaceAll(strings.TrimSpace(locale), "_", "-")), "-")
	switch parts[0] {
	case "sr", "hr", "bs", "me", "cnr", "sh":
		for _, p := range parts[1:] {
			if p == "cyrl" {
				return SrCyrl
			}
		}
		return Sr
	}
	return En
}

// FromPOSIX reads a POSIX locale variable (LC_ALL, LC_MESSAGES, LANG:
// "sr_RS.UTF-8", "sr_RS.UTF-8@latin", "hr_HR.UTF-8", "en_GB.UTF-8").
// glibc's sr_RS is Cyrillic and its @latin variant Latin. It reports
// false when the value names no language ("", "C", "POSIX").
func FromPOSIX(v string) (Lang, bool) {
	v = strings.TrimSpace(v)
	base, modifier, _ := strings.Cut(v, "@")
	base, _, _ = strings.Cut(base, ".")
	code, region, _ := strings.Cut(strings.ToLower(base), "_")
	switch code {
	case "", "c", "posix":
		return En, false
	case "sr":
		if modifier == "latin" || region == "me" {
			return Sr, true
		}
		return SrCyrl, true
	}
	return FromLocale(code), true
}
