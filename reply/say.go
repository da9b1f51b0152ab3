package reply

import (
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// Say is what the bot says in one language: the catalogue's messages
// (T) and the phrases commands and answers share, worded in that
// language. Handlers make one per request from the language of the
// message (see lang.Detect).
type Say struct{ lang.Lang }

// In is the bot's voice in l.
func In(l lang.Lang) Say { return Say{l} }

// Seats renders "1 seat", "22 seats"; in Serbian "1 mandat", "2
// mandata", "21 mandat".
func (s Say) Seats(n int) string { return s.T(lang.SeatCount, n) }

// PreviousYear names the previous election for "since 2012" phrases: its
// year, or "" when the article gives none.
func PreviousYear(e *knowledge.Election) string {
	if e.Previous != nil {
		if y, ok := knowledge.YearIn(e.Previous.Text); ok {
			return strconv.Itoa(y)
		}
		return e.Previous.Text
	}
	return ""
}

// Since is a change since the previous election: "+26 since 2012".
func (s Say) Since(e *knowledge.Election, change string) string {
	if y := PreviousYear(e); y != "" {
		return s.T(lang.ChangeSince, change, y)
	}
	return s.T(lang.ChangeSincePrevious, change)
}

// SeatsBefore names a list's seats at the previous election: "Seats in
// 2012".
func (s Say) SeatsBefore(e *knowledge.Election) string {
	if y := PreviousYear(e); y != "" {
		return s.T(lang.SeatsIn, y)
	}
	return s.T(lang.SeatsInPrevious)
}

// Votes renders a vote count: "12,345 votes"; in Serbian "12,345
// glasova".
func (s Say) Votes(f *knowledge.Figure) string {
	return s.T(lang.VoteCount, f.Int(), Num(f))
}

// Result summarises a contestant's result: "63 seats · 43.62% · +26
// since 2012".
func (s Say) Result(e *knowledge.Election, c *knowledge.Contestant) string {
	var parts []string
	if c.Seats != nil {
		parts = append(parts, s.Seats(c.Seats.Int()))
	}
	if c.Share != nil {
		parts = append(parts, Pct(c.Share))
	}
	if c.Votes != nil {
		parts = append(parts, s.Votes(c.Votes))
	}
	if c.SeatChange != nil {
		parts = append(parts, s.Since(e, Signed(c.SeatChange)))
	} else if c.New {
		parts = append(parts, s.T(lang.NewList))
	}
	return strings.Join(parts, " · ")
}

// NoSeats states what the article implies for a list without figures:
// when the known seat counts fill the assembly, every other list won none.
// It is "" when the article does not imply that.
func (s Say) NoSeats(e *knowledge.Election, k *knowledge.Contestant) string {
	if k.Seats != nil || !e.AllSeatsAccounted() {
		return ""
	}
	if e.Threshold != nil && !k.Minority() {
		return s.T(lang.NoSeatsBelowThreshold, Pct(e.Threshold), e.Seats.Int())
	}
	return s.T(lang.NoSeatsDerived, e.Seats.Int())
}

// PollLine renders one poll's figures in the article's order, those
// below the threshold on a line of their own, then the poll's notes.
func (s Say) PollLine(p *knowledge.Poll) string {
	var main, below []string
	for _, en := range p.Entries {
		line := en.Name + " " + Pct(en.Share)
		if en.BelowThreshold {
			below = append(below, line)
		} else {
			main = append(main, line)
		}
	}
	line := strings.Join(main, " · ")
	if len(below) > 0 {
		if line != "" {
			line += "\n"
		}
		line += s.T(lang.BelowThresholdLine, strings.Join(below, " · "))
	}
	for _, n := range p.Notes {
		line += "\n" + n
	}
	return line
}

// ExampleQuestion is a question the newest loaded election can answer,
// naming one of its lists the way people do.
func (s Say) ExampleQuestion(es []*knowledge.Election) string {
	for _, e := range es {
		for _, k := range e.Contestants {
			name := k.Name
			if len(k.Abbrevs) > 0 {
				name = k.Abbrevs[0]
			}
			if len([]rune(name)) <= 30 {
				return s.T(lang.ExampleSeats, name)
			}
		}
	}
	return s.T(lang.ExampleWhoWon)
}

// NotInArticle phrases a refusal: "I couldn't find that in the
// article." and why, when there is more to say.
func (s Say) NotInArticle(e *knowledge.Election, why string) Response {
	if why == "" {
		return s.Refusal(e, s.T(lang.NotInArticle))
	}
	return s.Refusal(e, s.T(lang.NotInArticleWhy, why))
}

// Refusal is the plain answer when the article does not hold what was
// asked; e may be nil when no election is in question.
func (s Say) Refusal(e *knowledge.Election, text string) Response {
	r := Refusal(e, text)
	r.Lang = s.Lang
	return r
}

// NotLoaded answers a request about an election the bot has no article
// about: a year ("2018"), or sel, what the user typed as the election.
func (s Say) NotLoaded(es []*knowledge.Election, missing, sel string) Response {
	what := missing
	if what == "" {
		what = sel
	}
	text := s.T(lang.NotLoadedName, s.Quote(what), ElectionNames(es))
	if _, ok := knowledge.Year(what); ok {
		text = s.T(lang.NotLoadedYear, what, ElectionNames(es))
	}
	return Response{Text: text, Outcome: Refused, Lang: s.Lang}
}

// NothingLoaded is the answer when no election articles are loaded.
func (s Say) NothingLoaded() Response {
	return Response{Text: s.T(lang.NothingLoaded), Outcome: Refused, Lang: s.Lang}
}

// Invalid is a helpful reply to a malformed request, seen only by the
// asker: what was wrong and how to ask instead.
func (s Say) Invalid(k lang.Key, args ...any) Response {
	return Response{Text: s.T(k, args...), Ephemeral: true, Outcome: UserError, Lang: s.Lang}
}

// Apology is the answer when something broke inside the bot; it says
// nothing about the cause.
func (s Say) Apology() Response {
	return Response{Text: s.T(lang.Apology), Ephemeral: true, Outcome: InternalError, Lang: s.Lang}
}

// Answer is a short answer from the article in s's language.
func (s Say) Answer(e *knowledge.Election, text string, sections ...string) Response {
	r := Answer(e, text, sections...)
	r.Lang = s.Lang
	return r
}

// Name is a contestant's name with its ballot number when known: "DS
// coalition (list 8)".
func (s Say) Name(k *knowledge.Contestant) string {
	if k.Ballot > 0 && k.Name != "" && k.Kind == "" {
		return s.T(lang.ListName, k.Name, k.Ballot)
	}
	return k.Name
}

// Office names an office as the article does ("Mayor of Belgrade"); in
// Serbian a mayor's or a president's in Serbian.
func (s Say) Office(office string) string {
	f := knowledge.Fold(office)
	switch {
	case s.Serbian() && strings.Contains(f, "mayor"):
		return s.T(lang.OfficeMayor)
	case s.Serbian() && strings.Contains(f, "prime minister"):
		return s.T(lang.OfficePrimeMinister)
	case s.Serbian() && strings.Contains(f, "president"):
		return s.T(lang.OfficePresident)
	}
	return office
}

// Quote quotes what a user typed, clipped: “…” in English, „…“ in
// Serbian.
func (s Say) Quote(text string) string { return s.T(lang.QuoteMarks, Clip(text, 40)) }
