package synth

import (
	"fmt"
	"strings"
)

// The raw material of names: syllables for places, and names of people
// with the diacritics the articles carry.
var (
	syllables = []string{"vra", "nje", "kra", "lje", "dra", "vo", "mor", "sa", "bac", "zre", "ni", "ca", "pi", "rot",
		"lo", "zni", "ču", "pri", "ja", "po", "dgo", "ri", "bu", "dva", "osi", "jek", "ko", "tor", "šab", "ub", "ža",
		"bre", "ću", "pri", "đa", "vi", "ste", "la", "mi", "len", "ta", "ro", "dan", "ple", "var", "go", "mel", "tri",
		"van", "sel", "do", "li", "na", "ber", "kov", "zla", "te", "ra", "mo", "sto", "gor", "ne", "ve"}
	townEndings = []string{"", "ac", "ica", "ovo", "evo", "grad", "ik", "ane", "in"}
	firstNames  = []string{"Aleksandar", "Ana", "Bojan", "Branka", "Dragan", "Dušan", "Đorđe", "Jelena", "Ivana",
		"Goran", "Marko", "Milica", "Nikola", "Nataša", "Petar", "Radomir", "Sanja", "Slobodan", "Tamara", "Vesna",
		"Zoran", "Željko", "Mirjana", "Stefan", "Katarina", "Luka", "Maja", "Nenad", "Olivera", "Šćepan", "Tomaž",
		"Vladimir", "Biljana", "Čedomir", "Ljiljana", "Miloš", "Snežana", "Vuk", "Zorica", "Igor"}
	lastNames = []string{"Petrović", "Jovanović", "Nikolić", "Marković", "Đorđević", "Stojanović", "Ilić", "Pavlović",
		"Kovačević", "Lukić", "Savić", "Tomić", "Mitrović", "Živković", "Popović", "Radić", "Babić", "Šarić",
		"Knežević", "Vuković", "Ristić", "Obradović", "Ćirić", "Milošević", "Stanković", "Gajić", "Lazić", "Bošković",
		"Vidmar", "Zupan", "Horvat", "Kranjc", "Novak", "Golob", "Perić", "Šešelj", "Dačić", "Krstić", "Filipović", "Janković"}
	partyAdjectives = []string{"Democratic", "Social Democratic", "People's", "Progressive", "Liberal", "Civic",
		"Green", "Radical", "Christian Democratic", "Conservative", "Socialist", "Agrarian", "Pensioners'",
		"Reformist", "United", "National", "Free", "New", "Left", "Patriotic"}
	partyNouns = []string{"Party", "Union", "Alliance", "Movement", "League", "Front", "Coalition", "Bloc"}
	colours    = []string{"#0D2D6C", "#E2231A", "#2E8B57", "#F5A623", "#000000", "#FFBF00", "#8E44AD", "#5A9BD5",
		"#CC0000", "#000099", "#7F7F7F", "#FFD700", "#0A3D91", "#F63", "#2C4A87", "#1ABC9C"}
	months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December"}
	pollsters = []string{"Ipsos", "CeSID", "Faktor plus", "Ninamedia", "Mediana", "Valicon", "Damar", "CEDEM",
		"Demostat", "Promocija plus", "Nova srpska politička misao", "Crobarometar"}
	referendumTopics = []string{"independence", "capital city", "constitutional", "regional autonomy",
		"electoral reform", "monarchy", "EU membership", "recall"}
	issues = []string{"the new bridge over the river", "the city's debts to its suppliers", "the renovation of the old hospital",
		"public transport fares", "the closure of the steel works", "water supply in the suburbs", "the budget deficit",
		"corruption in the land registry", "the sale of the municipal heating company", "pensions",
		"the motorway to the coast", "unemployment among the young", "the reform of the police", "the price of electricity",
		"the relocation of the bus station", "air pollution in winter", "the university hospital", "the new stadium"}
	reasons = []string{"the arrest of the mayor for abuse of office", "the collapse of the ruling coalition",
		"a vote of no confidence in the government", "the assembly's failure to adopt the budget",
		"the resignation of the president", "a court ruling that annulled the previous vote",
		"a dispute over the new constitution", "the regular end of the term"}
	townAdjectives = []string{"Old", "Upper", "Lower", "New", "Great", "Little"}
)

// A party runs in elections under its name, abbreviation and leader.
type party struct {
	name, abbrev, leader, colour string
}

// parties invents n parties of one country, no two with one name or
// abbreviation.
func (g *gen) parties(p *place, n int) []party {
	var out []party
	seen := map[string]bool{}
	for len(out) < n {
		name := g.pick(partyAdjectives) + " " + g.pick(partyNouns)
		if g.r.IntN(3) == 0 {
			name += " of " + p.name
		}
		ab := initials(name)
		if seen[name] || seen[ab] {
			continue
		}
		seen[name], seen[ab] = true, true
		out = append(out, party{name: name, abbrev: ab, leader: g.person(), colour: g.pick(colours)})
	}
	return out
}

// citizensGroup invents a town's own list.
func (g *gen) citizensGroup(p *place) party {
	forms := []string{"For %s", "Our %s", "Movement for %s", "%s First", "Citizens of %s", "Together for %s"}
	name := fmt.Sprintf(g.pick(forms), p.name)
	return party{name: name, abbrev: initials(name), leader: g.person(), colour: g.pick(colours)}
}

// initials are a name's capitals: "People's Progressive Party" -> PPP.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if w == "of" || w == "for" {
			continue
		}
		b.WriteString(strings.ToUpper(string([]rune(w)[:1])))
	}
	return b.String()
}

// A date is a day of a year.
type date struct{ day, month, year int }

func (d date) String() string { return fmt.Sprintf("%d %s %d", d.day, months[d.month-1], d.year) }

// short writes a date without its year, as poll fieldwork often is.
func (d date) short() string { return fmt.Sprintf("%d %s", d.day, months[d.month-1]) }

func (d date) plus(days int) date {
	d.day += days
	for d.day > 28 {
		d.day -= 28
		d.month++
	}
	for d.day < 1 {
		d.day += 28
		d.month--
	}
	if d.month > 12 {
		d.month, d.year = d.month-12, d.year+1
	}
	if d.month < 1 {
		d.month, d.year = d.month+12, d.year-1
	}
	return d
}

func (g *gen) date(year int) date {
	return date{day: 1 + g.r.IntN(28), month: 3 + g.r.IntN(9), year: year}
}

// numberWords spell small counts as prose does.
var numberWords = []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}

func spell(n int) string {
	if n >= 0 && n < len(numberWords) {
		return numberWords[n]
	}
	return fmt.Sprint(n)
}

func upper(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

// thousands writes a count with commas: 1,812,440.
func thousands(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
