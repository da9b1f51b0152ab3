package answer

import (
	"fmt"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// placeHeads are the first-column headers (folded word beginnings) of a
// table whose rows are places: municipalities, districts, polling areas.
// The model holds no places; such a table is read here as it stands.
// They are the kinds of places (placerows.go) and a few words for any.
var placeHeads = append(placeKindRoots(), "place", "unit", "area", "mesto", "mjesto", "podrucj")

// placeAsks are the question words that ask for a place: "where", "in
// which municipality", "u kojoj opštini".
var placeAsks = []string{"where", "gde", "gdje", "which", "what", "u kojoj", "u kom", "u kojem", "koja", "koji", "koje", "kojoj"}

// optionHeads are the words a column of a referendum option is headed
// by, for the option a question names.
var optionHeads = map[string][]string{"Yes": {"yes", "for", "za", "da"}, "No": {"no", "against", "protiv", "ne"}}

// shareWords ask for a share even when no "%" is named: where an option
// was strongest is where its share was highest.
var shareWords = wordSet("strongest weakest share percentage percent proportion procenat postotak udeo udio najjaci najjaca najslabiji najslabija")

// tableSuperlative: "Which municipality had the highest turnout?", "Where
// was the No vote strongest?": the row of a table of places whose figure
// in the column the question names is the highest, or the lowest.
func tableSuperlative(_ *Answerer, q *question) (reply.Response, verdict) {
	dir := superlative(q.toks)
	if dir == 0 || q.e == nil || q.e.Article == nil || !anyPhrase(q.toks, placeAsks...) {
		return reply.Response{}, next
	}
	for _, s := range q.e.Article.Sections {
		for _, b := range s.Blocks {
			if r, ok := extremeRow(q, b, dir, knowledge.SectionName(s)); ok {
				return r, done
			}
		}
	}
	return reply.Response{}, next
}

// extremeRow answers from one table of places, when the question names
// one of its columns.
func extremeRow(q *question, b knowledge.Block, dir int, section string) (reply.Response, bool) {
	body := b.Body()
	if len(body) < 2 || !placeTable(b.Header()[0]) || !asksPlace(q) {
		return reply.Response{}, false
	}
	header := b.Header()
	col := placeColumn(q, header)
	if col < 0 {
		return reply.Response{}, false
	}
	figure := cellFigure(col)
	derived := false
	if other := otherOption(q, header, col); other > 0 {
		// "Where was No strongest?" of a table of counts: No's share of
		// the two options' votes in each place.
		figure, derived = optionShare(col, other), true
	}
	best, top := extremeOf(body, figure, dir)
	if best < 0 {
		return reply.Response{}, false
	}
	value := strings.TrimSpace(body[best][col])
	switch {
	case derived:
		value = fmt.Sprintf("%.2f%%", top) + q.say.T(lang.TableDerived)
	case strings.Contains(header[col], "%") && !strings.Contains(value, "%"):
		value += "%"
	}
	key := lang.TableHighest
	if dir < 0 {
		key = lang.TableLowest
	}
	label := columnLabel(q, header[col], derived || strings.Contains(header[col], "%"))
	name := strings.TrimSpace(body[best][0])
	return q.say.Answer(q.e, q.say.T(key, name, label, value), section), true
}

// extremeOf returns the row with the highest (dir 1) or lowest (-1)
// figure, the first of equals, leaving out rows of totals; -1 for none.
func extremeOf(body [][]string, figure func([]string) (float64, bool), dir int) (int, float64) {
	best, top := -1, 0.0
	for i, row := range body {
		v, ok := figure(row)
		if !ok || totalRow(row[0]) {
			continue
		}
		if best < 0 || float64(dir)*(v-top) > 0 {
			best, top = i, v
		}
	}
	return best, top
}

// cellFigure reads the figure of a row's cell in column col.
func cellFigure(col int) func(row []string) (float64, bool) {
	return func(row []string) (float64, bool) {
		f, ok := knowledge.ParseFigure(row[col])
		if !ok {
			return 0, false
		}
		return f.Value, true
	}
}

// optionShare is a row's share of col's option in the votes of col's and
// other's.
func optionShare(col, other int) func(row []string) (float64, bool) {
	return func(row []string) (float64, bool) {
		a, ok1 := knowledge.ParseFigure(row[col])
		b, ok2 := knowledge.ParseFigure(row[other])
		if !ok1 || !ok2 || a.Value+b.Value <= 0 {
			return 0, false
		}
		return 100 * a.Value / (a.Value + b.Value), true
	}
}

// otherOption returns the column of the other referendum option when the
// question asks for a share and col holds an option's votes, not its
// share, and the table has no share column for it; 0 otherwise.
func otherOption(q *question, header []string, col int) int {
	if strings.Contains(header[col], "%") || !(q.in.has(attrShare) || anyWord(q.toks, shareWords)) {
		return 0
	}
	mine := headOption(header[col])
	if mine == "" {
		return 0
	}
	other := 0
	for i := 1; i < len(header); i++ {
		switch o := headOption(header[i]); {
		case o == mine && strings.Contains(header[i], "%"):
			return 0 // the table gives the share itself
		case o != "" && o != mine && !strings.Contains(header[i], "%"):
			other = i
		}
	}
	return other
}

// headOption is "Yes" or "No" for a column headed by a referendum
// option's word ("For", "Against (%)"), "" for any other.
func headOption(head string) string {
	toks := knowledge.FoldTokens(strings.ReplaceAll(head, "%", ""))
	if len(toks) != 1 {
		return ""
	}
	for o, words := range optionHeads {
		for _, w := range words {
			if toks[0] == w {
				return o
			}
		}
	}
	return ""
}

// placeTable reports a table whose first column names places.
func placeTable(head string) bool {
	for _, t := range knowledge.FoldTokens(head) {
		if hasPrefix(t, placeHeads...) {
			return true
		}
	}
	return false
}

// asksPlace reports a question after a place: "where", or a word for a
// kind of place ("which municipality", "u kojoj opštini").
func asksPlace(q *question) bool {
	for _, t := range q.toks {
		if t == "where" || t == "gde" || t == "gdje" || hasPrefix(t, placeHeads...) {
			return true
		}
	}
	return false
}

// placeColumn picks the column the question asks about: the one whose
// header shares most with the question (its words, the attribute it
// names, the referendum option it names), a share column when the
// question asks for a share, a count when it asks for votes. -1 when no
// column is named.
func placeColumn(q *question, header []string) int {
	share := q.in.has(attrShare) || anyWord(q.toks, shareWords)
	col, best := -1, 0
	for i := 1; i < len(header); i++ {
		score := columnScore(q, header[i])
		if score == 0 {
			continue
		}
		pct := strings.Contains(header[i], "%")
		switch {
		case pct && share, !pct && !share:
			score++
		}
		if score > best {
			col, best = i, score
		}
	}
	return col
}

// columnScore is how much of a header the question names: 3 for the
// attribute (turnout), the option (Yes) or a word of it.
func columnScore(q *question, head string) int {
	toks := knowledge.FoldTokens(head)
	score := 0
	hin := detect(toks)
	for _, a := range []attr{attrTurnout, attrRegistered, attrInvalid, attrVotesCast} {
		if hin.has(a) && q.in.has(a) {
			score += 3
		}
	}
	if q.option != nil {
		for _, w := range optionHeads[optionKey(q)] {
			if phraseIn(toks, []string{w}, false) && len(toks) <= 2 {
				score += 3
			}
		}
	}
	for _, t := range toks {
		if len(t) >= 4 && !stopwords[t] && phraseIn(q.toks, []string{t}, false) {
			score += 2
		}
	}
	return score
}

// columnLabel names a column in the reply's language: turnout and a
// referendum option in the catalogue's words, any other as the article
// heads it.
func columnLabel(q *question, head string, share bool) string {
	label := strings.TrimSpace(strings.ReplaceAll(head, "(%)", ""))
	toks := knowledge.FoldTokens(label)
	switch {
	case detect(toks).has(attrTurnout):
		return q.say.T(lang.WhatTurnout)
	case q.option != nil && q.scope.c != nil && headOption(head) == optionKey(q):
		name := q.say.OptionName(q.scope.c, q.option)
		if share {
			return q.say.T(lang.TableOptionShare, name)
		}
		return q.say.T(lang.TableOptionVotes, name)
	}
	return label
}

// optionKey is "Yes" or "No" for the referendum option a question names.
func optionKey(q *question) string {
	if q.scope.c != nil && q.option == q.scope.c.No() {
		return "No"
	}
	return "Yes"
}

func anyWord(toks []string, set map[string]bool) bool {
	for _, t := range toks {
		if set[t] {
			return true
		}
	}
	return false
}

// totalRow reports a table's row of totals, valid or invalid votes, or
// registered voters, which no place is.
func totalRow(name string) bool {
	return hasPrefix(knowledge.Fold(name), "total", "valid", "invalid", "registered", "turnout", "ukupno", "others", "other", "overall")
}
