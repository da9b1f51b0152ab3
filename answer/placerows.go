package answer

import (
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// A tableOfPlaces is a table of the article whose rows are places
// (municipalities, settlements, districts), read as it stands: the model
// keeps no places.
type tableOfPlaces struct {
	kind    string // the first column's header: "Municipality"
	header  []string
	body    [][]string
	section string
}

// placeTables are the article's tables of places.
func placeTables(e *knowledge.Election) []tableOfPlaces {
	if e == nil || e.Article == nil {
		return nil
	}
	var out []tableOfPlaces
	for _, s := range e.Article.Sections {
		for _, b := range s.Blocks {
			if b.Kind != knowledge.Table || len(b.Rows) < 3 || !placeTable(b.Header()[0]) {
				continue
			}
			out = append(out, tableOfPlaces{kind: strings.TrimSpace(b.Header()[0]), header: b.Header(), body: b.Body(), section: knowledge.SectionName(s)})
		}
	}
	return out
}

// placeRow: "What was the turnout in Lajkovac?", "How many votes for the
// merger were cast in Brgule?": the figure of the column the question
// names in the row of the place it names, from every table of places
// that has one (a town's row and its municipality's), or from the tables
// of the kind of place it names ("in the municipality of Lajkovac").
// Without it the election's own figure would answer for one place.
func placeRow(_ *Answerer, q *question) (reply.Response, verdict) {
	tables := placeTables(q.e)
	if len(tables) == 0 || anyWord(q.toks, notACell) {
		return reply.Response{}, next
	}
	var lines, sections []string
	for _, t := range tablesOfKind(q, tables) {
		col := placeColumn(q, t.header)
		if col < 0 {
			continue
		}
		for _, row := range t.body {
			if len(row) <= col || totalRow(row[0]) || !namesRowPlace(q.toks, row[0]) {
				continue
			}
			value := strings.TrimSpace(row[col])
			if knowledge.IsBlankCell(value) {
				continue
			}
			if strings.Contains(t.header[col], "%") && !strings.Contains(value, "%") {
				value += "%"
			}
			lines = append(lines, q.say.T(lang.TablePlaceCell, strings.TrimSpace(row[0]), kindName(q, t), columnLabel(q, t.header[col], strings.Contains(t.header[col], "%")), value))
			sections = append(sections, t.section)
		}
	}
	if len(lines) == 0 {
		return reply.Response{}, next
	}
	return q.say.Answer(q.e, strings.Join(lines, " "), sections...), done
}

// placeKinds are the kinds of places a table's rows or a question may
// name, by the beginnings of their words in English, Serbian and
// Croatian, with the catalogue's word for each.
var placeKinds = []struct {
	key   lang.Key
	roots []string
}{
	{lang.PlaceMunicipality, []string{"municipal", "opstin", "opcin"}},
	{lang.PlaceSettlement, []string{"settlement", "village", "naselj", "selo", "selu", "sela", "mesn", "mjesn", "communit", "zajednic"}},
	{lang.PlaceDistrict, []string{"district", "okrug", "srez"}},
	{lang.PlaceTown, []string{"town", "city", "cities", "grad"}},
	{lang.PlaceRegion, []string{"region", "province", "county", "oblast", "pokrajin", "zupanij", "kanton", "canton"}},
	{lang.PlaceConstituency, []string{"constituenc", "izborn", "ward", "polling", "biracko"}},
}

// placeKindRoots are the beginnings of every kind's words.
func placeKindRoots() []string {
	var out []string
	for _, k := range placeKinds {
		out = append(out, k.roots...)
	}
	return out
}

// placeKindOf is the kind of place words name, or "" for none.
func placeKindOf(toks []string) lang.Key {
	for _, k := range placeKinds {
		for _, t := range toks {
			if hasPrefix(t, k.roots...) {
				return k.key
			}
		}
	}
	return ""
}

// notACell are the words of a question that a cell does not answer: a
// difference or what would have been needed ("How many more voters would
// have had to vote in Lajkovac?").
var notACell = wordSet("more fewer less than would needed short missing vise manje trebalo nedostajalo falilo")

// tablesOfKind keeps the tables whose kind of place the question names
// ("municipality", "u opštini"), or all when it names none of them.
func tablesOfKind(q *question, tables []tableOfPlaces) []tableOfPlaces {
	asked := placeKindOf(q.toks)
	if asked == "" {
		return tables
	}
	var named []tableOfPlaces
	for _, t := range tables {
		if placeKindOf(knowledge.FoldTokens(t.kind)) == asked {
			named = append(named, t)
		}
	}
	if len(named) > 0 {
		return named
	}
	return tables
}

// kindName names a table's kind of place in the reply's language, or as
// the article heads it when it is no kind the catalogue knows.
func kindName(q *question, t tableOfPlaces) string {
	if k := placeKindOf(knowledge.FoldTokens(t.kind)); k != "" {
		return q.say.T(k)
	}
	return t.kind
}

// namesRowPlace reports a question that names the place of a row, every word
// of it, in any Serbian case ("u Lajkovcu"), and not as the name of the
// election itself ("the Ub–Lajkovac referendum").
func namesRowPlace(toks []string, place string) bool {
	pw := knowledge.FoldTokens(knowledge.StripMarks(place))
	if len(pw) == 0 {
		return false
	}
	for i := 0; i+len(pw) <= len(toks); i++ {
		ok := true
		for j, w := range pw {
			if !knowledge.SamePlace(toks[i+j], w) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		after := i + len(pw)
		if after < len(toks) && electionWord(toks[after]) {
			continue
		}
		if after+1 < len(toks) && electionWord(toks[after+1]) && !placeLink[toks[after]] {
			continue // "Ub Lajkovac referendum": two places that name it
		}
		return true
	}
	return false
}

// placeLink are the words that may stand between a place and a word of
// the election without the place naming the election: "Ub in the
// referendum".
var placeLink = wordSet("in at during u na")

// electionWord reports a word that names an election or a referendum.
func electionWord(t string) bool {
	return hasPrefix(t, "referend", "election", "izbor", "vote", "glasanj")
}

// majorityWords ask where one option had the most votes.
var majorityWords = wordSet("majority most more won win prevailed beat outvoted vecina vecinu vise pobedila pobedilo pobijedila nadjacala")

// placesWhereOption: "In which settlements did a majority vote
// against?": the places of each table of places where the option the
// question names had more votes than the other.
func placesWhereOption(_ *Answerer, q *question) (reply.Response, verdict) {
	ct := q.scope.c
	if q.option == nil || ct == nil || ct.Yes() == nil || ct.No() == nil || !asksPlace(q) || !anyWord(q.toks, majorityWords) {
		return reply.Response{}, next
	}
	named, other := "Yes", "No"
	on, oo := q.say.OptionName(ct, ct.Yes()), q.say.OptionName(ct, ct.No())
	if q.option == ct.No() {
		named, other = "No", "Yes"
		on, oo = oo, on
	}
	var lines, sections []string
	for _, t := range tablesOfKind(q, placeTables(q.e)) {
		a, b := optionColumn(t.header, named), optionColumn(t.header, other)
		if a < 0 || b < 0 {
			continue
		}
		var places []string
		for _, row := range t.body {
			if len(row) <= max(a, b) || totalRow(row[0]) {
				continue
			}
			fa, oka := knowledge.ParseFigure(row[a])
			fb, okb := knowledge.ParseFigure(row[b])
			if oka && okb && fa.Value > fb.Value {
				places = append(places, strings.TrimSpace(knowledge.StripMarks(row[0])))
			}
		}
		if len(places) == 0 {
			lines = append(lines, q.say.T(lang.TableWhereNone, on, oo, kindName(q, t)))
		} else {
			lines = append(lines, q.say.T(lang.TableWhereMore, on, oo, len(places), kindName(q, t), q.say.Join(places)))
		}
		sections = append(sections, t.section)
	}
	if len(lines) == 0 {
		return reply.Response{}, next
	}
	return q.say.Answer(q.e, strings.Join(lines, " "), sections...), done
}

// optionColumn is the column of a count of votes for an option ("For",
// "Against"), not its share; -1 when the table has none.
func optionColumn(header []string, option string) int {
	for i := 1; i < len(header); i++ {
		toks := knowledge.FoldTokens(header[i])
		if len(toks) != 1 || strings.Contains(header[i], "%") {
			continue
		}
		for _, w := range optionHeads[option] {
			if toks[0] == w || toks[0] == option {
				return i
			}
		}
	}
	return -1
}
