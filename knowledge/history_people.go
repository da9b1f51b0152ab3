package knowledge

import "strings"

// A Role is how a person headed a list in one election.
type Role struct {
	Election   *Election
	Contestant *Contestant
	// Carrier, Leader and Named say how: first on the ballot, the
	// infobox's leader, or named in the list's name ("Dragan Đilas — ...").
	Carrier, Leader, Named bool
}

// Person returns the person a text names among those who led, carried or
// gave their name to a list in the history, or held its office: by full
// name, or by a surname only one of them has. It returns the name as an
// article writes it, or "" when the text names no one (or names two
// people with one surname).
func (h *History) Person(text string) string {
	toks := FoldTokens(text)
	var found string
	var lasts []string // surnames in the order people are met
	surnames := map[string][]string{}
	for _, name := range h.people() {
		words := FoldTokens(strings.Join(personWords(name), " "))
		if len(words) < 2 {
			continue
		}
		if indexPhrase(toks, words) >= 0 && len(name) > len(found) {
			found = name
		}
		last := words[len(words)-1]
		if surnames[last] == nil {
			lasts = append(lasts, last)
		}
		if !contains(surnames[last], name) {
			surnames[last] = append(surnames[last], name)
		}
	}
	if found != "" {
		return found
	}
	for _, t := range toks {
		for _, last := range lasts {
			if names := surnames[last]; len(last) >= 4 && (t == last || TokenSimilar(t, last)) && distinctPeople(names) {
				return names[0]
			}
		}
	}
	return ""
}

// distinctPeople reports whether names are all renderings of one person.
func distinctPeople(names []string) bool {
	for _, n := range names[1:] {
		if !samePerson(names[0], n) {
			return false
		}
	}
	return true
}

// people are the names of everyone who led, carried or named a list, or
// held the office, in the history's articles.
func (h *History) people() []string {
	var out []string
	add := func(n string) {
		if n != "" && isPersonName(n) {
			out = appendUnique(out, n)
		}
	}
	for _, e := range h.Elections {
		for _, c := range parties(e) {
			add(c.Leader)
			add(c.Carrier)
			for _, seg := range segments(c.BallotName) {
				add(strings.Join(personWords(seg), " "))
			}
		}
		for _, o := range []*Officeholder{e.Before, e.After} {
			if o != nil {
				add(strings.TrimRight(o.Name, ", "))
			}
		}
	}
	return out
}

// Headed returns the lists a person headed in each election of the
// history, oldest first: as carrier, as leader, or named in the list's
// name.
func (h *History) Headed(person string) []Role {
	var out []Role
	for _, e := range h.Elections {
		for _, c := range parties(e) {
			r := Role{Election: e, Contestant: c, Carrier: samePerson(person, c.Carrier), Leader: samePerson(person, c.Leader)}
			for _, seg := range segments(c.BallotName) {
				r.Named = r.Named || samePerson(person, strings.Join(personWords(seg), " "))
			}
			if r.Carrier || r.Leader || r.Named {
				out = append(out, r)
			}
		}
	}
	return out
}

// SamePerson reports whether two names are renderings of one person's:
// "Zorana Mihajlović" and "Zorana Mihajlović-Milanović", "Dragan Đilas"
// and "Dragan Djilas".
func SamePerson(a, b string) bool { return samePerson(a, b) }
