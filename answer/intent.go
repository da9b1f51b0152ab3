package answer

import (
	"strings"

	"github.com/electionbot/electionbot/knowledge"
)

// attr is the thing a question asks for.
type attr int

const (
	attrNone attr = iota
	attrSeats
	attrPrevSeats
	attrSeatChange
	attrShare
	attrVotes
	attrLeader
	attrCarrier
	attrBallot
	attrPolls
	attrTurnout
	attrDate
	attrThreshold
	attrMajority
	attrTotalSeats
	attrListCount
	attrMayor
	attrPrevElection
	attrNextElection
	attrWinner
	attrColour
	attrMinority
	attrMembers
	attrResults
	attrLists
	attrPassed
	attrRegistered
	attrInvalid
	attrValid
	attrVotesCast
	attrFootnote
	attrName
	attrRank
	attrDifference
	attrSample
	attrShareSwing
	// Contests of candidates and referendums.
	attrFinalists  // who went through to the run-off
	attrMargin     // by how much the winner won
	attrQuestion   // what a referendum asked
	attrOutcome    // whether a referendum passed
	attrParty      // a candidate's party
	attrCandidates // how many candidates stood
	attrUndecided  // the undecided in a poll
	attrRequirement
	attrOpponent // whom a candidate faced
)

// A cue is a phrase that points at an attribute. Each word of the phrase
// matches a question word that starts with it ("seat" matches "seats"), or
// that is within a typo of it for words of five letters or more.
type cue struct {
	a      attr
	weight float64
	phrase []string
}

func cues(a attr, weight float64, phrases ...string) []cue {
	out := make([]cue, len(phrases))
	for i, p := range phrases {
		out[i] = cue{a: a, weight: weight, phrase: strings.Fields(p)}
	}
	return out
}

// cueTable holds the English and Serbian (folded Latin) words for every
// attribute. Weights say how surely a word names its attribute: "seats"
// surely, "when" only maybe.
var cueTable = concat(
	cues(attrSeats, 3, "seat", "seats", "mandat", "mandates", "odbornik", "odbornick", "councillor", "councilor", "councilmen"),
	cues(attrSeats, 3, "zastupni", "zastupnicka mjesta", "vijecni", "poslanik", "poslanick", "poslanicka mesta"),
	cues(attrTotalSeats, 3, "u igri", "mandata u igri"),
	cues(attrShare, 3, "percent", "percentage", "%", "share", "proportion", "procen", "odsto", "posto"),
	cues(attrShare, 2, "how much of the vote", "what part of the vote"),
	cues(attrShare, 3, "postotak", "postotka", "postot"),
	cues(attrVotes, 3, "votes", "glasova", "glasove", "glasovi", "popular vote", "vote count", "ballots cast for"),
	cues(attrVotes, 2, "how many people voted for", "how many voted for", "how many voters"),
	cues(attrTurnout, 5, "turnout", "izlaznost", "izaslo", "odziv", "participation", "voter turnout"),
	cues(attrDate, 3, "date", "datum", "what day", "which day", "koji dan", "held on"),
	cues(attrDate, 2, "when", "kada", "kad"),
	cues(attrThreshold, 5, "threshold", "cenzus", "census", "prag", "barrier", "hurdle"),
	cues(attrMajority, 4, "majority", "vecin", "vecinu", "needed to govern", "to govern alone", "absolute"),
	cues(attrListCount, 2, "how many lists", "how many electoral lists", "how many parties", "how many coalitions",
		"number of lists", "number of parties", "koliko lista", "koliko izbornih lista", "koliko stranaka",
		"koliko partija", "broj lista", "broj izbornih lista", "koliko je bilo lista", "koliko je bilo izbornih lista",
		"koliko je lista", "koliko je izbornih lista", "koliko je stranaka", "koliko se lista", "koliko lista je",
		"how many parties and coalitions", "how many candidates lists", "how many tickets"),
	cues(attrMayor, 5, "mayor", "gradonacelnik", "gradonacelnika", "city manager", "predsednik opstine",
		"predsednika opstine", "predsednica opstine", "president of the municipality", "municipal president"),
	cues(attrMayor, 5, "gradonacelnica", "gradonacelnicu", "nacelnik", "nacelnica", "predsjednik opcine"),
	cues(attrSample, 5, "sample", "sample size", "respondents", "uzorak", "ispitanik", "how many people were asked"),
	cues(attrShareSwing, 4, "points", "percentage points", "pp", "poena", "procentnih poena"),
	cues(attrPrevElection, 5, "previous election", "last election", "prior election", "preceding election",
		"prethodni izbori", "prethodnih izbora", "proslih izbora", "prosli izbori", "earlier election"),
	cues(attrNextElection, 5, "next election", "following election", "subsequent election", "sledeci izbori",
		"sledecih izbora", "naredni izbori", "narednih izbora", "future election"),
	cues(attrNextElection, 5, "sljedeci izbori", "sljedecih izbora", "iducih izbora", "iduci izbori"),
	cues(attrLeader, 3, "leader", "led", "leads", "headed", "lider", "predvod", "vodj", "chairman", "president of", "led by"),
	cues(attrLeader, 2, "head of", "who heads", "who leads"),
	cues(attrCarrier, 4, "nositelj", "nositelja", "nositeljica", "vodi listu", "predvodi listu"),
	cues(attrCarrier, 4, "carrier", "carried", "carry", "carries", "mayoral candidate", "candidate for mayor",
		"kandidat za gradonacelnika", "nosilac", "nosioc", "top of the list",
		"first on the list", "number one on", "top candidate", "list leader", "headed the list", "head of the list", "lead candidate", "frontrunner of"),
	cues(attrBallot, 4, "list number", "ballot number", "which number", "what number", "number on the ballot",
		"redni broj", "broj liste", "pod kojim brojem", "position on the ballot", "ballot position", "ballot no", "list no",
		"na listicu", "na glasackom listicu", "broj na listicu"),
	cues(attrBallot, 3, "which list", "what list", "koja lista", "kojoj listi", "on the ballot"),
	cues(attrTotalSeats, 4, "how big is", "how large is", "how many members", "size of the assembly", "size of the council",
		"how many councillors", "koliko odbornika", "koliko clanova"),
	cues(attrPolls, 4, "poll", "polls", "polled", "polling", "survey", "anket", "istrazivanj", "pollster", "predicted", "forecast"),
	cues(attrSeatChange, 3, "change", "gain", "gained", "gains", "lost", "lose", "loss", "losses", "swing",
		"difference", "increase", "decrease", "izgubi", "razlika", "promena", "dobil vise", "more seats than", "fewer seats",
		"compared", "compare", "versus", "u odnosu"),
	cues(attrWinner, 3, "who won", "winner", "won the election", "won the most", "pobedi", "pobednik", "pobedio",
		"pobedila", "most seats", "largest", "biggest", "first place", "came first", "ko je pobedio", "who came first",
		"topped", "finished first", "placed first", "finished top", "came top", "on top", "prevailed", "was elected", "got elected",
		"najvise", "najvise mandata", "najvise glasova", "prvo mesto", "najjac", "who will win", "will win"),
	cues(attrWinner, 3, "pobijedi", "pobjednik", "pobjedni", "pobijedio", "pobijedila", "tko je pobijedio", "prvo mjesto"),
	cues(attrWinner, 3, "bio prvi", "bila prva", "je prvi", "je prva", "na prvom mestu", "na prvom mjestu", "prvoplasiran"),
	cues(attrWinner, 2, "won", "wins"),
	cues(attrColour, 4, "colour", "color", "boja", "boju"),
	cues(attrMinority, 4, "minority", "manjin"),
	cues(attrMembers, 3, "members", "member parties", "partners", "coalition partners", "made up of", "consist", "clanic",
		"which parties were in", "who was in", "parties in the coalition", "belong", "part of", "member of",
		"which coalition", "what coalition", "ran with", "allied"),
	cues(attrResults, 3, "results", "result", "rezultat", "rezultati", "outcome"),
	cues(attrLists, 2, "which lists", "what lists", "list of lists", "all lists", "koje liste", "sve liste", "electoral lists"),
	cues(attrLists, 2, "koja lista nije", "koje stranke", "koje partije", "which list did not", "which party did not"),
	cues(attrRegistered, 5, "registered voters", "registered", "electorate", "eligible voters", "eligible to vote",
		"entitled to vote", "electoral roll", "voters list", "voter roll", "upisanih", "upisano", "upisan", "birackom spisku",
		"biracko pravo", "pravo glasa"),
	// "Birača" alone may be who registered or who voted ("koliko je birača
	// glasalo"): it says less than "upisanih" or "glasalo".
	cues(attrRegistered, 3, "biraca"),
	cues(attrInvalid, 5, "invalid", "spoiled", "nevazec", "nevaze"),
	cues(attrValid, 4, "valid votes", "vazecih"),
	cues(attrVotesCast, 4, "votes cast", "cast", "total votes", "turned out", "came out to vote", "total number of votes", "ballots cast", "how many people voted",
		"how many voted", "koliko je ljudi glasalo", "koliko je glasalo", "ukupno glasova"),
	cues(attrVotesCast, 5, "glasalo", "glasali", "glasalih", "glasalo je", "izaslo na glasanje", "broj glasalih"),
	cues(attrFootnote, 4, "note", "footnote", "fusnot", "napomen", "mark"),
	cues(attrFootnote, 2, "mean", "stand for", "znaci"),
	cues(attrPassed, 3, "win seats", "won no seats", "no seats", "without seats", "without a seat", "win any seats",
		"won any seats", "below the threshold", "under the threshold", "ispod cenzusa", "failed to"),
	cues(attrPassed, 3, "pass the threshold", "cross the threshold", "surpass", "got over", "clear the threshold",
		"won seats", "enter the assembly", "enter parliament", "enter the council", "get into the assembly",
		"presli cenzus", "presao cenzus", "presla cenzus", "made it into", "make it into"),
	cues(attrPassed, 3, "preslo cenzus", "presle cenzus", "preslo prag", "presle prag", "usle u skupstinu", "usli u skupstinu",
		"uslo u skupstinu", "nisu usle", "nisu usli", "nisu presle", "nisu presli", "ispod praga"),
	cues(attrName, 4, "name of", "called", "full name", "ballot name", "naziv", "ime liste", "zove"),
	cues(attrRank, 4, "second", "third", "fourth", "fifth", "runner up", "runner-up", "last place", "finished last",
		"came last", "fewest", "least votes", "lowest share", "smallest share", "came bottom", "drugo mesto", "trece mesto", "drugi", "treci"),
	cues(attrRank, 4, "cetvrti", "cetvrta", "poslednji", "poslednja",
		"posljednji", "posljednja", "zadnji", "zadnja", "drugo mjesto", "trece mjesto", "na drugom mestu", "na drugom mjestu",
		"drugoplasiran"),
	cues(attrDifference, 4, "more seats than", "fewer seats than", "less seats than", "more votes than",
		"how many more", "how much more", "difference between", "razlika", "vise od"),
	cues(attrFinalists, 4, "went through", "go through", "got through", "qualified", "qualify", "advanced", "advance to",
		"made it to", "make it to", "finalists", "proceeded", "progressed", "reached the", "reach the", "get to the", "get into the",
		"make the", "eliminated", "knocked out", "faced each other", "who faced",
		"went to the", "go to the", "went into the", "go into the", "moved on to", "were in the", "contested the",
		"usli u", "usao u", "prosli u", "plasirali", "usla u", "uslo u", "prosao u", "prosla u", "plasirao", "plasirala",
		"dospeo u", "dospela u", "dospio u", "dospjela u"),
	cues(attrMargin, 4, "margin", "by how much", "by how many", "how close", "razlikom", "prednost", "separated", "separate",
		"gap", "apart", "razlika izmedju", "kolika je razlika", "koliko je razlika"),
	cues(attrQuestion, 4, "asked", "ask", "question", "pitanje", "pitali", "what was the referendum about", "what was it about",
		"what was voted on", "about what"),
	cues(attrOutcome, 4, "pass", "passed", "succeed", "succeeded", "fail", "failed", "approved", "rejected", "valid", "adopted", "successful", "success",
		"invalidated", "binding", "uspe", "uspeo", "uspesan", "prosao", "propao", "vazeci"),
	cues(attrOutcome, 4, "usvojen", "usvojena", "usvojeno", "odbijen", "odbijena", "odbacen", "odbacena", "prihvacen",
		"prihvacena", "izglasan", "izglasana", "pao", "pala"),
	cues(attrParty, 4, "which party", "what party", "nominated by", "affiliation", "koje stranke", "koja stranka", "iz koje"),
	cues(attrParty, 4, "koju stranku", "za koju stranku", "ispred koje", "kandidovan", "kandidovala", "kandidovao",
		"kandidovana", "predlozio", "predlozila", "predlozen", "predlozena"),
	cues(attrParty, 2, "independent", "independents", "nezavisn"),
	cues(attrCandidates, 3, "how many candidates", "number of candidates", "koliko kandidata", "broj kandidata",
		"koliko je kandidata", "koliko je bilo kandidata", "kandidata je ucestvovalo", "kandidata je bilo"),
	cues(attrUndecided, 5, "undecided", "don't know", "dont know", "neodlucn"),
	cues(attrOpponent, 4, "face", "faced", "facing", "opponent", "opponents", "rival", "rivals", "challenger", "run against",
		"ran against", "running against", "stood against", "up against", "protivkandidat", "protivnik", "protivnica",
		"suparnik", "suparnica", "protiv koga", "izazivac", "s kim", "sa kim"),
	cues(attrRequirement, 6, "need", "needed", "required", "requirement", "quorum", "to be valid", "minimum turnout",
		"potrebn", "kvorum", "uslov"),
)

// notCues are phrases whose words cue nothing: "polling stations" are no
// poll, a "vote count" in "votes were counted" no figure.
var notCues = [][]string{
	{"polling", "station"}, {"polling", "place"}, {"polling", "booth"}, {"polling", "day"}, {"biracko", "mest"},
	{"birackih", "mest"}, {"birackom", "mest"},
	// "Postao" (became) is no typo of "posto" (per cent).
	{"postao"}, {"postala"}, {"postali"}, {"postalo"},
	// Nor is a candidate who "pulled out" a poll, nor one "voted out" a
	// count of votes.
	{"pulled"}, {"pulling"}, {"pull"}, {"voted", "out"}, {"vote", "out"},
}

func concat(parts ...[]cue) []cue {
	var out []cue
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// intent is what a question asks.
type intent struct {
	scores map[attr]float64
	// Qualifiers that shift an attribute.
	before, after bool // "before"/"after" the election (mayor, seats)
	total         bool // "in total", "up for election"
	who, why      bool
	howMany       bool
	current       bool // "current", "now", "today": beyond what an article can know
	negated       bool // "not", "no", "failed": which lists did NOT win seats
	months        []int
}

func (in intent) has(a attr) bool { return in.scores[a] > 0 }

// detect reads the attribute and qualifiers from a question's tokens.
func detect(toks []string) intent {
	in := intent{scores: map[attr]float64{}}
	// The qualifiers read every word: "postao" (became) cues no figure
	// but says "after".
	all := toks
	toks = withoutPhrases(toks, notCues)
	// Typo tolerance only for words that are no cue as written: "carrier"
	// must not read as "barrier", nor "minority" as "majority".
	exact := make([]bool, len(toks))
	for _, c := range cueTable {
		if at := phraseAt(toks, c.phrase, false); at >= 0 {
			in.scores[c.a] = max(in.scores[c.a], c.weight)
			for k := range c.phrase {
				exact[at+k] = true
			}
		}
	}
	var loose []string
	for i, t := range toks {
		// A word that names a contest ("council") is no typo of a cue
		// ("councilor").
		if !exact[i] && !stopwords[t] && !contestWord(t) {
			loose = append(loose, t)
		}
	}
	for _, c := range cueTable {
		if len(c.phrase) == 1 && in.scores[c.a] < c.weight && phraseAt(loose, c.phrase, true) >= 0 {
			in.scores[c.a] = max(in.scores[c.a], c.weight)
		}
	}
	if entersBody(toks) {
		// "Did the Pirate Party enter the National Assembly?": winning
		// seats, whatever the body is called.
		in.scores[attrPassed] = max(in.scores[attrPassed], 3)
	}
	has := func(words ...string) bool {
		for _, w := range words {
			if phraseIn(all, strings.Fields(w), false) {
				return true
			}
		}
		return false
	}
	in.before = has("before", "previous", "previously", "prior", "outgoing", "incumbent", "former", "pre", "prije", "prethodn", "prosl",
		"bivs", "ranije", "last time", "had", "held before", "earlier")
	in.after = has("after", "new", "elected", "became", "posle", "poslije", "nakon", "novi", "nova", "izabran", "izabrana", "postao", "postala", "following the election",
		"afterwards", "subsequently", "resulting")
	in.total = has("total", "in all", "up for", "at stake", "ukupno", "u igri", "na izborima", "birao", "biralo", "contested", "available", "in the assembly",
		"assembly have", "size of", "how many seats were", "how many seats are", "how many seats does", "were elected",
		"koliko mandata ima", "koliko mesta", "skupstina ima")
	in.who = has("who", "ko", "tko", "koji", "koja", "whom")
	in.why = has("why", "zasto", "zbog cega", "iz kog razloga", "reason", "cause", "how come")
	in.howMany = has("how many", "koliko", "number of", "broj")
	in.negated = has("not", "didnt", "didn't", "no", "failed", "without", "below", "under", "nije", "nisu", "ispod", "none")
	in.current = has("current", "currently", "now", "today", "sadasnji", "trenutni", "sada", "danas", "present")
	return in
}

// entersBody reports a word of entering ("enter", "entered", "into",
// "ušla u") followed within three words by an elected body ("the
// National Assembly", "parliament", "skupštinu").
func entersBody(toks []string) bool {
	for i, t := range toks {
		switch {
		case strings.HasPrefix(t, "enter"), t == "into", t == "usla", t == "usao", t == "usli", t == "usle", t == "uslo", t == "udje", t == "uci":
		default:
			continue
		}
		for _, n := range toks[i+1 : min(len(toks), i+4)] {
			if bodyWord(n) {
				return true
			}
		}
	}
	return false
}

// withoutPhrases blanks the words of phrases out of toks, so that they
// match no cue.
func withoutPhrases(toks []string, phrases [][]string) []string {
	var out []string
	for _, p := range phrases {
		for at := phraseAt(toks, p, false); at >= 0; at = phraseAt(out, p, false) {
			if out == nil {
				out = append([]string(nil), toks...)
			}
			for k := range p {
				out[at+k] = ""
			}
		}
	}
	if out == nil {
		return toks
	}
	return out
}

// phraseIn reports whether phrase occurs in toks.
func phraseIn(toks, phrase []string, fuzzy bool) bool { return phraseAt(toks, phrase, fuzzy) >= 0 }

// phraseAt finds phrase in toks; each phrase word matches a token that
// starts with it (for words of four letters or more) or, with fuzzy set,
// that is a typo or two away (for words of five letters or more). It
// returns the position, or -1.
func phraseAt(toks, phrase []string, fuzzy bool) int {
	if len(phrase) == 0 || len(phrase) > len(toks) {
		return -1
	}
	for s := 0; s+len(phrase) <= len(toks); s++ {
		ok := true
		for k, p := range phrase {
			if !wordMatch(toks[s+k], p, fuzzy) {
				ok = false
				break
			}
		}
		if ok {
			return s
		}
	}
	return -1
}

func wordMatch(tok, p string, fuzzy bool) bool {
	if tok == p {
		return true
	}
	if len(p) >= 4 && strings.HasPrefix(tok, p) && len(tok)-len(p) <= 4 {
		return true
	}
	if fuzzy && len(p) >= 5 && len(tok) >= 5 {
		limit := 1
		if len(p) >= 8 {
			limit = 2
		}
		return knowledge.EditDistance(tok, p, limit) <= limit
	}
	return false
}

// entityAttrs are attributes of one party or list; the rest are of the
// election as a whole.
var entityAttrs = map[attr]bool{
	attrSeats: true, attrPrevSeats: true, attrSeatChange: true, attrShare: true, attrVotes: true,
	attrLeader: true, attrCarrier: true, attrBallot: true, attrPolls: true, attrColour: true,
	attrMinority: true, attrMembers: true, attrName: true, attrShareSwing: true, attrParty: true,
}

// weigh picks the likeliest intent about a party and about the election.
func (q *question) weigh() {
	q.ent, q.entScore = q.in.best(func(a attr) bool { return entityAttrs[a] })
	q.el, q.elScore = q.in.best(func(a attr) bool { return !entityAttrs[a] })
}

// best returns the highest-scoring attribute of those accepted by keep.
func (in intent) best(keep func(attr) bool) (attr, float64) {
	best, bestS := attrNone, 0.0
	for a, s := range in.scores {
		if !keep(a) {
			continue
		}
		if s > bestS || (s == bestS && a < best) {
			best, bestS = a, s
		}
	}
	return best, bestS
}

// cueWords returns the one-word cues of an attribute ("winner", "won").
func cueWords(a attr) []string {
	if a == attrNone {
		return nil
	}
	var out []string
	for _, c := range cueTable {
		if c.a == a && len(c.phrase) == 1 {
			out = append(out, c.phrase[0])
		}
	}
	if a == attrWinner {
		out = append(out, "won", "win", "victor")
	}
	return out
}
