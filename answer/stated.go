package answer

import (
	"regexp"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
)

// A statement is a sentence of the article's prose that states a fact
// the model may also compute: how a referendum ended.
type statement struct {
	text, section string
	passed        bool
}

// outcomeSubjects are the words one of which a sentence stating how a
// referendum ended speaks of.
var outcomeSubjects = []string{"referendum", "proposal", "statute", "amendment", "initiative", "predlog", "prijedlog", "statut", "amandman"}

// failedPhrases and passedPhrases say a referendum failed or passed, in
// English and Serbian (folded). The failed ones are read first: "did not
// pass" holds "pass".
var (
	failedPhrases = cuePhrases("failed", "unsuccessful", "not successful", "did not reach", "neuspesan", "neuspjesan",
		"nije bio uspesan", "nije bio uspjesan", "nije uspesan", "fail", "did not succeed", "not succeed", "was not valid", "not valid", "was invalid",
		"declared invalid", "was invalidated", "was rejected", "were rejected", "did not pass", "not passed", "not adopted",
		"not approved", "fell short", "was defeated", "nije uspeo", "nije uspio", "nije uspela", "propao", "nije prosao",
		"nije usvojen", "nije usvojena", "nevazeci", "nije vazeci", "odbijen", "odbijena")
	passedPhrases = cuePhrases("passed", "was successful", "uspesan", "uspjesan", "was approved", "were approved", "was adopted", "were adopted", "succeeded",
		"was valid", "was carried", "uspeo", "uspio", "usvojen", "usvojena", "prosao", "izglasan", "izglasana")
)

// statedOutcome returns the first sentence of the prose that says whether
// the referendum passed or failed; ok is false when none does.
func statedOutcome(e *knowledge.Election) (statement, bool) {
	var st statement
	found := false
	eachCurrentSentence(e, func(section, sent string) bool {
		toks := knowledge.FoldTokens(sent)
		if namesOtherYear(e, toks) {
			return false // "the 2006 referendum failed"
		}
		passed, ok := outcomeOf(toks)
		if ok {
			st, found = statement{text: sent, section: section, passed: passed}, true
		}
		return ok
	})
	return st, found
}

// eachCurrentSentence calls f with each sentence of the prose and its
// section, leaving out the background's (earlier votes and governments),
// until f returns true.
func eachCurrentSentence(e *knowledge.Election, f func(section, sent string) bool) {
	if e.Article == nil {
		return
	}
	for _, s := range e.Article.Sections {
		if laterSection(knowledge.SectionName(s)) < 0 {
			continue
		}
		for _, b := range s.Blocks {
			if b.Kind != knowledge.Paragraph {
				continue
			}
			for _, sent := range knowledge.Sentences(b.Text) {
				if f(knowledge.SectionName(s), sent) {
					return
				}
			}
		}
	}
}

// outcomeOf reads whether a sentence says the referendum failed or
// passed: it must speak of the referendum (or what was voted on) and
// hold a phrase of failing or passing. A clause of concession ("although
// the statute won a majority") says neither.
func outcomeOf(toks []string) (passed, ok bool) {
	subject := firstWithPrefix(toks, outcomeSubjects)
	if subject < 0 {
		return false, false
	}
	for _, p := range failedPhrases {
		if at := phraseAt(toks, p, false); at > subject {
			return false, true
		}
	}
	if toks[0] == "although" || toks[0] == "though" || toks[0] == "iako" {
		return false, false
	}
	for _, p := range passedPhrases {
		// "the law passed by the Parliament" is no vote of the people's.
		if at := phraseAt(toks, p, false); at > subject && (at+len(p) >= len(toks) || toks[at+len(p)] != "by") {
			return true, true
		}
	}
	return false, false
}

// namesOtherYear reports a year in a sentence that is not the
// election's.
func namesOtherYear(e *knowledge.Election, toks []string) bool {
	for _, t := range toks {
		if y, ok := knowledge.Year(t); ok && y != e.Year {
			return true
		}
	}
	return false
}

// firstWithPrefix is the index of the first word that begins with one of
// prefixes, -1 for none.
func firstWithPrefix(toks []string, prefixes []string) int {
	for i, t := range toks {
		if hasPrefix(t, prefixes...) {
			return i
		}
	}
	return -1
}

// A share stated beside a count: "612,408 (53.9%)", "53.9% (612,408
// votes)".
var (
	shareAfter  = regexp.MustCompile(`^\s*(?:votes?\s*)?\(\s*([0-9]+(?:[.,][0-9]+)?)\s*%`)
	shareBefore = regexp.MustCompile(`([0-9]+(?:[.,][0-9]+)?)\s*%\s*\(\s*$`)
)

// statedShare returns the share the prose states beside a count of votes
// ("612,408 (53.9%) were for the statute"), and its section; ok is false
// when no sentence of the prose does.
func statedShare(e *knowledge.Election, votes *knowledge.Figure) (share, section string, ok bool) {
	if e.Article == nil || votes == nil || votes.Value < 1000 {
		return "", "", false
	}
	count := knowledge.FormatInt(votes.Int())
	for _, s := range e.Article.Sections {
		for _, b := range s.Blocks {
			if b.Kind != knowledge.Paragraph {
				continue
			}
			if v, found := shareBeside(b.Text, count); found {
				return v, knowledge.SectionName(s), true
			}
		}
	}
	return "", "", false
}

// shareBeside finds a share written just after or just before count in
// text.
func shareBeside(text, count string) (string, bool) {
	for from := 0; ; {
		i := strings.Index(text[from:], count)
		if i < 0 {
			return "", false
		}
		at := from + i
		end := at + len(count)
		if end < len(text) && text[end] >= '0' && text[end] <= '9' || at > 0 && (text[at-1] >= '0' && text[at-1] <= '9' || text[at-1] == ',') {
			from = end
			continue
		}
		if m := shareAfter.FindStringSubmatch(text[end:]); m != nil {
			return strings.Replace(m[1], ",", ".", 1) + "%", true
		}
		if m := shareBefore.FindStringSubmatch(text[max(0, at-20):at]); m != nil {
			return strings.Replace(m[1], ",", ".", 1) + "%", true
		}
		from = end
	}
}
