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
	h.folkOnce.Do(h.readFolk)
	toks := FoldTokens(text)
	found := ""
	for _, p := range h.folk {
		if indexPhrase(toks, p.words) >= 0 && len(p.name) > len(found) {
			found = p.name
		}
	}
	if found != "" {
		return found
	}
	for _, t := range toks {
		if len(t) < 4 {
			continue
		}
		for _, last := range h.lasts {
			if names := h.surnames[last]; len(last) >= 4 && (t == last || TokenSimilar(t, last)) && distinctPeople(names) {
				return names[0]
			}
		}
	}
	return ""
}

// A someone is a person of the history's articles, with the folded
// words of the name.
type someone struct {
	name  string
	words []string
}

// readFolk gathers the history's people once, with their surnames in
// the order people are met.
func (h *History) readFolk() {
	h.heads = map[*Contestant]heads{}
	for _, e := range h.Elections {
		for _, c := range parties(e) {
			hd := heads{leader: newPerson(c.Leader), carrier: newPerson(c.Carrier)}
			for _, seg := range segments(c.BallotName) {
				hd.named = append(hd.named, newPerson(seg))
			}
			h.heads[c] = hd
		}
	}
	h.surnames = map[string][]string{}
	for _, name := range h.people() {
		words := FoldTokens(strings.Join(personWords(name), " "))
		if len(words) < 2 {
			continue
		}
		h.folk = append(h.folk, someone{name, words})
		last := words[len(words)-1]
		if h.surnames[last] == nil {
			h.lasts = append(h.lasts, last)
		}
		if !contains(h.surnames[last], name) {
			h.surnames[last] = append(h.surnames[last], name)
		}
	}
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
func (h *History) Headed(name string) []Role {
	h.folkOnce.Do(h.readFolk)
	who := newPerson(name)
	var out []Role
	for _, e := range h.Elections {
		for _, c := range parties(e) {
			hd := h.heads[c]
			r := Role{Election: e, Contestant: c, Carrier: who.same(hd.carrier), Leader: who.same(hd.leader)}
			for _, n := range hd.named {
				r.Named = r.Named || who.same(n)
			}
			if r.Carrier || r.Leader || r.Named {
				out = append(out, r)
			}
		}
	}
	return out
}

// heads are the people at the head of a list.
type heads struct {
	leader, carrier person
	named           []person
}

// SamePerson reports whether two names are renderings of one person's:
// "Zorana Mihajlović" and "Zorana Mihajlović-Milanović", "Dragan Đilas"
// and "Dragan Djilas".
func SamePerson(a, b string) bool { return samePerson(a, b) }
